import type { HeadersOption } from '../options'
import { parseRetryAfter } from '../parseRetryAfter'

export interface PostEventsRequest {
  url: string
  /** A serialised `CollectorPayload`. */
  body: string
  contentType: string
  headers: HeadersOption | undefined
  fetch: typeof fetch | undefined
  timeoutMs: number
  /** Lets the request outlive the page; the body must then stay under 64 KiB. */
  keepalive?: boolean
}

/**
 * - `sent`: a 2xx; the collector has the events.
 * - `failed`: worth retrying (network, timeout, 401, 403, 408, 429, 5xx).
 * - `refused`: another 4xx; the same events would be refused again.
 */
export type PostEventsResult =
  | { kind: 'sent' }
  | { kind: 'failed'; message: string; retryAfterMs?: number }
  | { kind: 'refused'; message: string }

/** One POST to the event collector. Never throws: every outcome is a result. */
export async function postEvents(request: PostEventsRequest): Promise<PostEventsResult> {
  const { url, timeoutMs } = request
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    // Called as a plain function: a browser's fetch refuses to run as a method of another object.
    const send = request.fetch ?? globalThis.fetch
    if (typeof send !== 'function') {
      return { kind: 'failed', message: 'there is no global fetch here; pass one as `fetch`.' }
    }
    const headers = new Headers(await resolveHeaders(request.headers))
    headers.set('Content-Type', request.contentType)
    const response = await send(url, {
      method: 'POST',
      headers,
      body: request.body,
      keepalive: request.keepalive,
      signal: controller.signal,
    })
    return readStatus(response, url)
  } catch (cause) {
    const reason = controller.signal.aborted
      ? `no answer within ${timeoutMs} ms`
      : cause instanceof Error
        ? cause.message
        : String(cause)
    return { kind: 'failed', message: `could not send events to ${url}: ${reason}.` }
  } finally {
    clearTimeout(timer)
  }
}

function readStatus(response: Response, url: string): PostEventsResult {
  const { status } = response
  if (status >= 200 && status < 300) return { kind: 'sent' }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), Date.now())
    const message = `the event collector at ${url} is rate limiting this client (429).`
    return retryAfterMs === undefined
      ? { kind: 'failed', message }
      : { kind: 'failed', message, retryAfterMs }
  }
  if (status === 401 || status === 403) {
    // Not dropped: a `headers` function may bring a fresh token, and the outbox bound caps the wait.
    return {
      kind: 'failed',
      message: `the event collector at ${url} refused the credentials with ${status}: check \`headers\`. Events are kept and retried.`,
    }
  }
  if (status === 408 || status >= 500) {
    return { kind: 'failed', message: `the event collector at ${url} answered ${status}.` }
  }
  return {
    kind: 'refused',
    message: `the event collector at ${url} refused a batch of events with ${status}, so it was dropped: sending it again would fail the same way. Check the collector URL and its credentials in \`headers\`.`,
  }
}

async function resolveHeaders(option: HeadersOption | undefined) {
  return typeof option === 'function' ? await option() : option
}
