import type { EventSourceConstructor } from './createChangeStream'
import { describeValue as describe } from './describeValue'
import type { StorageLike } from './flagCache'
import type { FlagSnapshot } from './fetchFlagSnapshot'
import type { EvaluationContext } from './types'

/** How the client learns that flags changed on the service (OFREP ADR-0008 and ADR-0010). */
export type ChangeDetection = 'sse' | 'polling' | 'none'

/** How the persisted evaluation is used (OFREP ADR-0009). */
export type CacheMode = 'local-cache-first' | 'network-first' | 'disabled'

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
  /**
   * - `sse`: follow the change stream the service advertises (`eventStreams`); when it has none or
   *   it fails, poll every `pollIntervalMs` if that is set.
   * - `polling`: refetch every `pollIntervalMs`.
   * - `none`: refetch only on start, context change, page return and `refresh()`.
   * @default 'sse'
   */
  changeDetection?: ChangeDetection
  /**
   * Polling interval in milliseconds; 0 turns polling off. Paused while the page is hidden.
   * @default 0
   */
  pollIntervalMs?: number
  /**
   * Seconds a hidden page keeps its change stream open; overrides the service's value.
   * @default the service's `inactivityDelaySec`, else 120
   */
  inactivityDelaySec?: number
  /** The EventSource implementation for change streams; defaults to the global one. */
  EventSource?: EventSourceConstructor
  /**
   * - `local-cache-first`: render the last evaluation stored on this device at once, then refresh.
   * - `network-first`: wait for the service; fall back to the stored evaluation if it fails.
   * - `disabled`: never read or write storage.
   * @default 'local-cache-first'
   */
  cacheMode?: CacheMode
  /**
   * How long a stored evaluation may be used, in milliseconds.
   * @default 2592000000 (30 days)
   */
  cacheTtlMs?: number
  /** Where evaluations are stored; defaults to `localStorage` when the host has a working one. */
  storage?: StorageLike
  /**
   * Flags evaluated on the server (see `fetchFlagSnapshot`), so the first client render matches
   * the server render and shows real values at once.
   */
  bootstrap?: FlagSnapshot
}

export interface ResolvedOptions {
  baseUrl: string
  context: EvaluationContext
  headers: HeadersOption | undefined
  timeoutMs: number
  fetch: typeof fetch | undefined
  changeDetection: ChangeDetection
  pollIntervalMs: number
  inactivityDelaySec: number | undefined
  EventSource: EventSourceConstructor | undefined
  cacheMode: CacheMode
  cacheTtlMs: number
  storage: StorageLike | undefined
  bootstrap: FlagSnapshot | undefined
}

const thirtyDaysMs = 30 * 24 * 60 * 60 * 1000

/** Checks options up front, so a misconfiguration fails at the call that made it, with a fix. */
export function resolveOptions(options: FlagClientOptions): ResolvedOptions {
  if (!isPlainObject(options)) {
    throw optionsError(
      `expected an options object such as { baseUrl: 'https://flags.example.com' }, got ${describe(options)}.`,
    )
  }
  const {
    baseUrl,
    context = {},
    headers,
    timeoutMs = 10_000,
    fetch,
    changeDetection = 'sse',
    pollIntervalMs = 0,
    inactivityDelaySec,
    EventSource,
    cacheMode = 'local-cache-first',
    cacheTtlMs = thirtyDaysMs,
    storage,
    bootstrap,
  } = options
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
  assertPositive('timeoutMs', timeoutMs)
  if (headers !== undefined && typeof headers !== 'function' && typeof headers !== 'object') {
    throw optionsError(
      `\`headers\` must be an object of header values or a function returning one, got ${describe(headers)}.`,
    )
  }
  assertOptionalFunction('fetch', fetch)
  assertOneOf('changeDetection', changeDetection, ['sse', 'polling', 'none'])
  if (pollIntervalMs !== 0) assertPositive('pollIntervalMs', pollIntervalMs)
  if (changeDetection === 'polling' && pollIntervalMs === 0) {
    throw optionsError(
      "`changeDetection: 'polling'` needs `pollIntervalMs`, e.g. 30000 for every 30 s.",
    )
  }
  if (inactivityDelaySec !== undefined) assertPositive('inactivityDelaySec', inactivityDelaySec)
  assertOptionalFunction('EventSource', EventSource)
  assertOneOf('cacheMode', cacheMode, ['local-cache-first', 'network-first', 'disabled'])
  assertPositive('cacheTtlMs', cacheTtlMs)
  if (
    storage !== undefined &&
    (typeof storage !== 'object' || storage === null || typeof storage.getItem !== 'function')
  ) {
    throw optionsError(`\`storage\` must have getItem, setItem and removeItem, like localStorage.`)
  }
  if (bootstrap !== undefined && (typeof bootstrap !== 'object' || bootstrap === null)) {
    throw optionsError(
      `\`bootstrap\` must be a snapshot from fetchFlagSnapshot(), got ${describe(bootstrap)}.`,
    )
  }
  return {
    baseUrl: baseUrl.trim().replace(/\/+$/, ''),
    context,
    headers,
    timeoutMs,
    fetch,
    changeDetection,
    pollIntervalMs,
    inactivityDelaySec,
    EventSource,
    cacheMode,
    cacheTtlMs,
    storage,
    bootstrap,
  }
}

function assertPositive(name: string, value: unknown): void {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw optionsError(`\`${name}\` must be a positive number, got ${describe(value)}.`)
  }
}

function assertOptionalFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') {
    throw optionsError(`\`${name}\` must be a function, got ${describe(value)}.`)
  }
}

function assertOneOf(name: string, value: unknown, allowed: string[]): void {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    const choices = allowed.map((choice) => `'${choice}'`).join(', ')
    throw optionsError(`\`${name}\` must be one of ${choices}, got ${describe(value)}.`)
  }
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
