import { FlagClientError } from './FlagClientError'
import { parseBulkResponse } from './parseBulkResponse'
import { parseEventStreams } from './parseEventStreams'
import type { EventStreamDescriptor } from './parseEventStreams'
import { parseRetryAfter } from './parseRetryAfter'
import type { ResolvedHeaders } from './resolveHeaders'
import type { EvaluatedFlag, EvaluationContext } from './types'

export interface BulkRequest {
  baseUrl: string
  context: EvaluationContext
  /** The ETag of the values the caller holds; sent as `If-None-Match`. */
  etag: string | undefined
  /** What a change notice said about the new configuration (OFREP ADR-0008), sent as query parameters. */
  notice?: RefetchNotice
  headers: ResolvedHeaders
  fetch: typeof fetch | undefined
  timeoutMs: number
  /** Aborts the request when the caller no longer wants its answer. */
  signal: AbortSignal
}

export interface RefetchNotice {
  etag?: string
  lastModified?: string
}

export type BulkResult =
  | {
      kind: 'updated'
      flags: EvaluatedFlag[]
      etag: string | undefined
      eventStreams: EventStreamDescriptor[]
    }
  | { kind: 'unchanged' }
  | { kind: 'failed'; error: FlagClientError; retryAfterMs?: number }
  | { kind: 'aborted' }

/** One OFREP bulk evaluation round trip. Never throws: every outcome is a result. */
export async function fetchBulkEvaluation(request: BulkRequest): Promise<BulkResult> {
  const url = bulkEvaluationUrl(request.baseUrl, request.notice)
  const controller = new AbortController()
  const abort = () => controller.abort()
  request.signal.addEventListener('abort', abort)
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, request.timeoutMs)
  try {
    // Called as a plain function: a browser's fetch refuses to run as a method of another object.
    const send = request.fetch ?? globalThis.fetch
    if (typeof send !== 'function') {
      return failed('network', 'there is no global fetch here; pass one as the `fetch` option.')
    }
    const headers = new Headers(request.headers)
    headers.set('Content-Type', 'application/json')
    headers.set('Accept', 'application/json')
    if (request.etag !== undefined) headers.set('If-None-Match', request.etag)
    const response = await send(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ context: request.context }),
      signal: controller.signal,
    })
    return await readResponse(response, request.baseUrl)
  } catch (cause) {
    if (request.signal.aborted) return { kind: 'aborted' }
    if (timedOut) {
      return failed('timeout', `no answer within ${request.timeoutMs} ms`)
    }
    return failed('network', `network error: ${messageOf(cause)}`, { cause })
  } finally {
    clearTimeout(timer)
    request.signal.removeEventListener('abort', abort)
  }
}

function bulkEvaluationUrl(baseUrl: string, notice: RefetchNotice | undefined): string {
  const url = `${baseUrl}/ofrep/v1/evaluate/flags`
  const query = new URLSearchParams()
  if (notice?.etag !== undefined) query.set('flagConfigEtag', notice.etag)
  if (notice?.lastModified !== undefined) query.set('flagConfigLastModified', notice.lastModified)
  const search = query.toString()
  return search === '' ? url : `${url}?${search}`
}

async function readResponse(response: Response, baseUrl: string): Promise<BulkResult> {
  const { status } = response
  if (status === 304) return { kind: 'unchanged' }
  if (status >= 200 && status < 300) {
    const text = await response.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return failed('malformed-response', `answer ${status} is not JSON: ${preview(text)}`, {
        status,
      })
    }
    const parsed = parseBulkResponse(body)
    if (!parsed.ok) {
      return failed('malformed-response', `invalid bulk evaluation: ${parsed.problem}`, { status })
    }
    return {
      kind: 'updated',
      flags: parsed.flags,
      etag: response.headers.get('ETag') ?? undefined,
      eventStreams: parseEventStreams((body as Record<string, unknown>).eventStreams, baseUrl),
    }
  }
  if (status === 401 || status === 403) {
    const code = status === 401 ? 'unauthorized' : 'forbidden'
    return failed(code, `credentials refused (${status})`, { status })
  }
  if (status === 400) {
    const details = await errorDetailsOf(response)
    return failed('bad-request', `evaluation context refused (400${details})`, { status })
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), Date.now())
    const result = failed('rate-limited', 'rate limited (429)', { status })
    return retryAfterMs === undefined ? result : { ...result, retryAfterMs }
  }
  return failed('server', `service error (${status}${await errorDetailsOf(response)})`, { status })
}

function failed(
  code: FlagClientError['code'],
  message: string,
  options?: { status?: number; cause?: unknown },
): Extract<BulkResult, { kind: 'failed' }> {
  return { kind: 'failed', error: new FlagClientError(code, message, options) }
}

/** OFREP error bodies carry `errorCode` and `errorDetails`; anything else is left out. */
async function errorDetailsOf(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json()
    if (typeof body !== 'object' || body === null) return ''
    const { errorCode, errorDetails } = body as Record<string, unknown>
    const parts = [errorCode, errorDetails].filter((part) => typeof part === 'string')
    return parts.length > 0 ? `: ${parts.join(': ')}` : ''
  } catch {
    return ''
  }
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}

function preview(text: string): string {
  const line = text.trim().slice(0, 60)
  return line === '' ? 'the body is empty' : `"${line}${text.length > 60 ? '…' : ''}"`
}
