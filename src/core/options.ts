import { describeValue as describe } from './describeValue'
import type { EvaluationContext } from './types'

type Headers = Record<string, string> | [string, string][] | globalThis.Headers

/** Static headers, or a function that returns them (for tokens that expire). */
export type HeadersOption = Headers | (() => Headers | Promise<Headers>)

export interface FlagClientOptions {
  /**
   * Root URL of an OFREP flag service (flagd, GO Feature Flag, Flipt, `vexil dev`, …). The client
   * appends `/ofrep/v1/evaluate/flags`.
   * @example 'https://flags.example.com'
   */
  baseUrl: string
  /**
   * Who to evaluate flags for. Change it later with `client.setContext`.
   * @default {}
   * @example { targetingKey: 'user-123', plan: 'pro' }
   */
  context?: EvaluationContext
  /**
   * Sent with every request, e.g. `{ Authorization: 'Bearer …' }` or `{ 'X-API-Key': '…' }`.
   * A function is called before each request, so a token can be refreshed.
   */
  headers?: HeadersOption
  /**
   * How long to wait for the service before giving up on a request and retrying later.
   * @default 10000
   */
  timeoutMs?: number
  /**
   * The fetch implementation; defaults to the global `fetch` at request time.
   */
  fetch?: typeof fetch
}

export interface ResolvedOptions {
  baseUrl: string
  context: EvaluationContext
  headers: HeadersOption | undefined
  timeoutMs: number
  fetch: typeof fetch | undefined
}

/** Checks options up front, so a misconfiguration fails at the call that made it, with a fix. */
export function resolveOptions(options: FlagClientOptions): ResolvedOptions {
  if (!isPlainObject(options)) {
    throw optionsError(
      `expected an options object such as { baseUrl: 'https://flags.example.com' }, got ${describe(options)}.`,
    )
  }
  const { baseUrl, context = {}, headers, timeoutMs = 10_000, fetch } = options
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw optionsError(
      `\`baseUrl\` is required: the root URL of an OFREP flag service, e.g. 'https://flags.example.com'. Got ${describe(baseUrl)}.`,
    )
  }
  if (baseUrl.includes('/ofrep/')) {
    throw optionsError(
      `\`baseUrl\` should be the service root without the OFREP path (the client appends /ofrep/v1/evaluate/flags). Got '${baseUrl}'.`,
    )
  }
  assertContext(context, 'createFlagClient')
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    throw optionsError(
      `\`timeoutMs\` must be a positive number of milliseconds, got ${describe(timeoutMs)}.`,
    )
  }
  if (headers !== undefined && typeof headers !== 'function' && typeof headers !== 'object') {
    throw optionsError(
      `\`headers\` must be an object of header values or a function returning one, got ${describe(headers)}.`,
    )
  }
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw optionsError(`\`fetch\` must be a fetch function, got ${describe(fetch)}.`)
  }
  return { baseUrl: baseUrl.trim().replace(/\/+$/, ''), context, headers, timeoutMs, fetch }
}

export function assertContext(
  context: unknown,
  caller: string,
): asserts context is EvaluationContext {
  if (!isPlainObject(context)) {
    throw new TypeError(
      `[vexil] ${caller}: \`context\` must be an object such as { targetingKey: 'user-123', plan: 'pro' }, got ${describe(context)}.`,
    )
  }
  const { targetingKey } = context as Record<string, unknown>
  if (targetingKey !== undefined && typeof targetingKey !== 'string') {
    throw new TypeError(
      `[vexil] ${caller}: \`context.targetingKey\` must be a string (a stable user id), got ${describe(targetingKey)}.`,
    )
  }
}

function optionsError(message: string): TypeError {
  return new TypeError(`[vexil] createFlagClient: ${message}`)
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
