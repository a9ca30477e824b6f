/**
 * - `network`: the request could not be made or had no answer.
 * - `timeout`: no answer within `timeoutMs`.
 * - `unauthorized` / `forbidden`: 401 / 403. Fatal: automatic retries stop.
 * - `bad-request`: 400, the service refused the context. Fatal until the context changes.
 * - `rate-limited`: 429; retried after `Retry-After`.
 * - `server`: 5xx or another unexpected status; retried with backoff.
 * - `malformed-response`: the answer is not a valid OFREP bulk evaluation; the last good values stay.
 */
export type FlagClientErrorCode =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'bad-request'
  | 'rate-limited'
  | 'server'
  | 'malformed-response'

/** Why the client could not refresh its flags. Reported in the state, never thrown at a reader. */
export class FlagClientError extends Error {
  override readonly name = 'FlagClientError'
  readonly code: FlagClientErrorCode
  /** The HTTP status of the failed answer, when there was one. */
  readonly status: number | undefined

  constructor(
    code: FlagClientErrorCode,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.code = code
    this.status = options.status
  }

  /** Whether retrying the same request cannot help. */
  get fatal(): boolean {
    return this.code === 'unauthorized' || this.code === 'forbidden' || this.code === 'bad-request'
  }
}
