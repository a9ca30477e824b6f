import { delay, http, HttpResponse } from 'msw'
import type { HttpHandler } from 'msw'
import type { EvaluationContext, EvaluationErrorCode, JsonValue } from 'vexil/core'
import type { TestFlags } from './TestFlag'
import { toFlagItem } from './toFlagItem'
import type { FlagItem } from './toFlagItem'

export interface OfrepHandlersOptions {
  /** The `baseUrl` the client under test was given. */
  baseUrl: string
  /**
   * Flags answered as failure items, e.g. `{ 'new-checkout': 'FLAG_NOT_FOUND' }`; the client
   * serves their defaults with that `errorCode`.
   */
  failures?: Readonly<
    Record<string, EvaluationErrorCode | { errorCode: EvaluationErrorCode; errorDetails?: string }>
  >
  /**
   * Fails every request with this answer instead, e.g. `{ status: 500 }`, `{ status: 401 }` or
   * `{ status: 429, headers: { 'Retry-After': '5' } }`.
   */
  failRequest?: { status: number; headers?: Record<string, string>; body?: JsonValue }
  /** Waits this long before answering. @default 0 */
  latencyMs?: number
}

/**
 * msw request handlers that answer like an OFREP flag service: bulk evaluation with a strong ETag
 * (and `304` to a matching `If-None-Match`), and single-flag evaluation. `flags` may be a function
 * of the evaluation context, to answer each user differently.
 * @example
 * server.use(...ofrepHandlers({ 'new-checkout': true }, { baseUrl: 'https://flags.test' }))
 */
export function ofrepHandlers(
  flags: TestFlags | ((context: EvaluationContext) => TestFlags),
  options: OfrepHandlersOptions,
): HttpHandler[] {
  const { failures = {}, failRequest, latencyMs = 0 } = options
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/ofrep/v1/evaluate/flags`

  async function answer(
    request: Request,
    respond: (items: FlagItem[]) => Response,
  ): Promise<Response> {
    if (latencyMs > 0) await delay(latencyMs)
    if (failRequest) {
      const { status, headers, body } = failRequest
      return new HttpResponse(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
      })
    }
    const payload: unknown = await request.json().catch(() => undefined)
    const context = (payload as { context?: unknown } | undefined)?.context
    if (typeof context !== 'object' || context === null || Array.isArray(context)) {
      return HttpResponse.json(
        { errorCode: 'INVALID_CONTEXT', errorDetails: 'the body must be {"context": {…}}' },
        { status: 400 },
      )
    }
    const served = typeof flags === 'function' ? flags(context as EvaluationContext) : flags
    const items = new Map<string, FlagItem>()
    for (const [key, flag] of Object.entries(served)) {
      if (flag !== undefined) items.set(key, toFlagItem(key, flag))
    }
    for (const [key, failure] of Object.entries(failures)) {
      items.set(
        key,
        toFlagItem(key, typeof failure === 'string' ? { errorCode: failure } : failure),
      )
    }
    return respond([...items.values()])
  }

  return [
    http.post(endpoint, ({ request }) =>
      answer(request, (items) => {
        const body = JSON.stringify({ flags: items })
        const etag = `"${hashText(body)}"`
        if (request.headers.get('If-None-Match') === etag) {
          return new HttpResponse(null, { status: 304, headers: { ETag: etag } })
        }
        return new HttpResponse(body, {
          headers: { 'Content-Type': 'application/json', ETag: etag },
        })
      }),
    ),
    http.post(`${endpoint}/:key`, ({ request, params }) =>
      answer(request, (items) => {
        const key = String(params.key)
        const item = items.find((candidate) => candidate.key === key) ?? {
          key,
          errorCode: 'FLAG_NOT_FOUND',
          errorDetails: `flag "${key}" is not served by this test`,
        }
        // OFREP: a flag it does not know is a 404; any other failure a 400.
        const status =
          item.errorCode === undefined ? 200 : item.errorCode === 'FLAG_NOT_FOUND' ? 404 : 400
        return HttpResponse.json(item, { status })
      }),
    ),
  ]
}

/** FNV-1a: the same answer always carries the same ETag, and a changed one another. */
function hashText(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}
