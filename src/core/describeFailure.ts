import type { FlagClientError } from './FlagClientError'

/** Development-only: what a failure means for the app and what to do about it. */
export function describeFailure(baseUrl: string, error: FlagClientError): string {
  return `the flag service at ${baseUrl} failed: ${error.message}. ${remedies[error.code]}`
}

const remedies: Record<FlagClientError['code'], string> = {
  network:
    'Serving the last known values and retrying with backoff. If the service is on another origin, check that it allows CORS for this page.',
  timeout:
    'Serving the last known values and retrying with backoff; raise `timeoutMs` if the service is slow.',
  unauthorized:
    'Check the credentials in the `headers` option (Authorization: Bearer … or X-API-Key). Retrying stops until refresh() or setContext().',
  forbidden:
    'Check that the credentials in the `headers` option may read these flags. Retrying stops until refresh() or setContext().',
  'bad-request': 'Check the evaluation context. Retrying stops until the context changes.',
  'rate-limited': 'Serving the last known values; the next request waits for Retry-After.',
  server: 'Serving the last known values and retrying with backoff.',
  'malformed-response': 'The whole answer was rejected; the last good values keep serving.',
}
