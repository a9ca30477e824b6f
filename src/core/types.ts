import type { FlagClientError } from './FlagClientError'

export type JsonPrimitive = string | number | boolean | null
// Read-only: served values are shared by every reader, and `as const` defaults must fit.
export type JsonArray = readonly JsonValue[]
export interface JsonObject {
  readonly [key: string]: JsonValue
}
export type JsonValue = JsonPrimitive | JsonArray | JsonObject

/** A value a flag can take, and so a default a call site can pass. */
export type FlagValue = boolean | string | number | JsonObject | JsonArray

/**
 * The type a call site gets back for a default: `false` reads as `boolean`, `'a'` as `string`,
 * `3` as `number`; objects and arrays keep their own type.
 */
export type WidenFlagValue<T extends FlagValue> = T extends boolean
  ? boolean
  : T extends string
    ? string
    : T extends number
      ? number
      : T

/** Who the flags are evaluated for: OpenFeature's evaluation context, sent as-is over OFREP. */
export interface EvaluationContext {
  /** The stable id that percentage rollouts hash on, so a user keeps their variant. */
  targetingKey?: string
  [attribute: string]: JsonValue | undefined
}

/**
 * Where the value of an evaluation came from: a local override (`override`, from devtools or a
 * share link), the service just now (`network`), the last answer
 * persisted on this device (`cache`), a server render (`bootstrap`), or the call site (`default`).
 */
export type FlagSource = 'override' | 'network' | 'cache' | 'bootstrap' | 'default'

/** Reasons defined by OpenFeature; servers may send any other string. */
export type EvaluationReason =
  | 'STATIC'
  | 'DEFAULT'
  | 'TARGETING_MATCH'
  | 'SPLIT'
  | 'CACHED'
  | 'DISABLED'
  | 'UNKNOWN'
  | 'STALE'
  | 'ERROR'
  | 'OVERRIDE'
  | (string & {})

/** Error codes defined by OpenFeature; servers may send any other string. */
export type EvaluationErrorCode =
  | 'PROVIDER_NOT_READY'
  | 'FLAG_NOT_FOUND'
  | 'PARSE_ERROR'
  | 'TYPE_MISMATCH'
  | 'TARGETING_KEY_MISSING'
  | 'INVALID_CONTEXT'
  | 'GENERAL'
  | (string & {})

export type FlagMetadata = Readonly<Record<string, JsonValue>>

/** What the flag service said about one flag for the current context. */
export interface EvaluatedFlag {
  readonly key: string
  /** Absent when the service tells the caller to use its own default (OFREP ADR-0006). */
  readonly value?: JsonValue
  readonly variant?: string
  readonly reason?: string
  readonly errorCode?: string
  readonly errorDetails?: string
  readonly metadata?: FlagMetadata
  readonly source: Exclude<FlagSource, 'default'>
}

/** Every evaluated flag by key. Has no prototype, so a key such as `constructor` is just a key. */
export type FlagMap = Readonly<Record<string, EvaluatedFlag>>

/**
 * A flag the render-error kill switch pinned to its call site's default for the rest of the page
 * session, because the value it replaced failed (`<FlagBoundary>`, `client.reportError`). `variant`
 * and `source` are those of the value that failed.
 */
export interface PinnedFlag extends EvaluatedFlag {
  readonly value?: undefined
  readonly reason: 'ERROR'
  readonly errorCode: 'GENERAL'
  /** Says what failed, e.g. `pinned to its default after variant "treatment" threw TypeError: …`. */
  readonly errorDetails: string
  readonly error: { readonly type: string; readonly message: string }
  /** When it was pinned, in milliseconds since the epoch. */
  readonly pinnedAt: number
}

/** The outcome of reading one flag: the value and why it is that value. Never thrown, always returned. */
export interface FlagEvaluation<T = FlagValue> {
  key: string
  value: T
  variant: string | undefined
  reason: EvaluationReason
  errorCode?: EvaluationErrorCode
  errorDetails?: string
  source: FlagSource
  metadata: FlagMetadata
}

/**
 * - `loading`: nothing evaluated yet for this client; reads return their defaults.
 * - `ready`: the values are the service's latest answer for the current context.
 * - `stale`: the context changed and the new answer is on its way; reads return the previous values.
 * - `error`: the last request failed (see `error`); reads return the last known values.
 */
export type FlagStatus = 'loading' | 'ready' | 'stale' | 'error'

/**
 * How the client follows changes: `streaming` (an OFREP change stream is open), `polling`,
 * `connecting` (a stream is being opened or reopened), `offline` (the browser has no network),
 * `idle` (not started, or nothing to follow).
 */
export type ConnectionState = 'idle' | 'connecting' | 'streaming' | 'polling' | 'offline'

export interface FlagClientState {
  status: FlagStatus
  error: FlagClientError | undefined
  context: EvaluationContext
  flags: FlagMap
  /** When the service last answered successfully (ms since the epoch), if it ever has. */
  syncedAt: number | undefined
  connection: ConnectionState
  /**
   * Whom `flags` were evaluated for. Trails `context` while a switch is pending, so exposures of
   * the previous values are never counted for the new user.
   */
  evaluatedContext: EvaluationContext | undefined
  /** Values forced on this device (devtools, share links); they win over served values. */
  overrides: FlagMap
  /** Flags pinned to their defaults after they failed; they win over overrides too. */
  pins: Readonly<Record<string, PinnedFlag>>
}
