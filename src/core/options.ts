import type { EventSourceConstructor } from './createChangeStream'
import type { ExposureRecord, FlagErrorRecord, TrackRecord } from './exposureRecords'
import type { StorageLike } from './flagCache'
import type { FlagSnapshot } from './fetchFlagSnapshot'
import type { EvaluationContext } from './types'
import { validateOptions } from './validateOptions'

/** How the client learns that flags changed on the service (OFREP ADR-0008 and ADR-0010). */
export type ChangeDetection = 'sse' | 'polling' | 'none'

/** Where exposures and conversions are delivered, and how exposures are counted. */
export interface ExposureOptions {
  /**
   * An event collector that reads GO Feature Flag's data-collector format (a GO Feature Flag relay
   * proxy, or `vexil dev`). Without it, exposures reach only `onExposure` and `client.on`.
   * @example 'https://flags.example.com/v1/data/collector'
   */
  url?: string
  /**
   * `session` reports each (flag, variant, user) once per page session; `none` reports every
   * committed read.
   * @default 'session'
   */
  dedupe?: 'session' | 'none'
  /** Headers for the collector. @default the client's `headers` */
  headers?: HeadersOption
  /** Events per request. @default 50 */
  batchSize?: number
  /** The longest an event waits for its batch, in milliseconds. @default 2000 */
  flushIntervalMs?: number
  /** Events kept while the collector is unreachable; the oldest are dropped beyond it. @default 1000 */
  maxEvents?: number
  /**
   * Send reads of overridden values to the collector too. Off by default: forced values would
   * poison experiment data.
   * @default false
   */
  includeOverrides?: boolean
}

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
  /** Exposure and conversion delivery; see `ExposureOptions`. */
  exposures?: ExposureOptions
  /**
   * Called once per exposure with OpenTelemetry feature-flag attributes, e.g. to forward to an
   * analytics tool. A callback that throws is skipped (and reported once in development).
   */
  onExposure?: (record: ExposureRecord) => void
  /** Called for every `client.track(…)`. */
  onTrack?: (record: TrackRecord) => void
  /**
   * Called once per flag and page session when a flag's value fails (`<FlagBoundary>` caught a
   * render error, or `client.reportError`), e.g. to forward `record.error` to an error tracker.
   */
  onFlagError?: (record: FlagErrorRecord) => void
  /**
   * Whether local overrides (devtools, share links, `setOverride`) apply. Off in production builds
   * unless set, so a crafted URL or a stale stored override changes nothing for real users.
   * @default process.env.NODE_ENV !== 'production'
   */
  allowOverrides?: boolean
  /**
   * `fromUrl`: apply overrides from the page's `vexil` URL parameter at start, e.g.
   * `?vexil=new-checkout:true,theme:dark,limits:{"max":3}` (only when overrides are allowed).
   */
  overrides?: { fromUrl?: boolean }
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
  exposures: ExposureOptions | undefined
  onExposure: ((record: ExposureRecord) => void) | undefined
  onTrack: ((record: TrackRecord) => void) | undefined
  onFlagError: ((record: FlagErrorRecord) => void) | undefined
  allowOverrides: boolean
  overrides: { fromUrl?: boolean } | undefined
}

const thirtyDaysMs = 30 * 24 * 60 * 60 * 1000

/**
 * Applies the defaults. In development the options are first checked, so a misconfiguration
 * fails at the call that made it with a message that says how to fix it; production builds leave
 * the checks (and their messages) out.
 */
export function resolveOptions(options: FlagClientOptions): ResolvedOptions {
  if (process.env.NODE_ENV !== 'production') validateOptions(options)
  const {
    baseUrl,
    context = {},
    timeoutMs = 10_000,
    changeDetection = 'sse',
    pollIntervalMs = 0,
    cacheMode = 'local-cache-first',
    cacheTtlMs = thirtyDaysMs,
    allowOverrides = process.env.NODE_ENV !== 'production',
  } = options
  return {
    ...options,
    baseUrl: baseUrl.trim().replace(/\/+$/, ''),
    context,
    timeoutMs,
    changeDetection,
    pollIntervalMs,
    cacheMode,
    cacheTtlMs,
    allowOverrides,
  } as ResolvedOptions
}
