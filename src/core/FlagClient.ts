import type { ReporterEvents } from './createReporter'
import type { TrackingEventDetails } from './events/CollectorEvent'
import type { FlagClientError } from './FlagClientError'
import type { FlagDefault, FlagKey, FlagResult } from './register'
import type { EvaluationContext, FlagClientState, FlagEvaluation, FlagValue } from './types'

export interface FlagClient {
  /**
   * Starts fetching flags and following changes. Idempotent; `<FlagProvider>` calls it for you.
   * Resolves once the first answer (or failure) is in the state; never rejects.
   */
  start(): Promise<void>
  /** Stops all I/O: requests, change stream, timers, page listeners. Values stay; `start()` resumes. */
  close(): void
  /**
   * Evaluates flags for someone else (sign-in, sign-out, an attribute change). Until the answer
   * arrives, reads keep the previous values (or values cached for the new user) with status
   * `stale`. The last of several quick changes wins. Resolves when its answer is in.
   */
  setContext(context: EvaluationContext): Promise<void>
  /** Asks the service again now (with `If-None-Match`), also after a fatal error. */
  refresh(): Promise<void>
  /**
   * Reads one flag as the type of `defaultValue`, with the reason for its value.
   * @example client.evaluate('new-checkout', false).value // boolean
   */
  evaluate<Key extends FlagKey, Default extends FlagDefault<Key>>(
    key: Key,
    defaultValue: Default,
  ): FlagEvaluation<FlagResult<Key, Default>>
  getState(): FlagClientState
  /** The state before any I/O or cache read: what a server render saw, so hydration matches. */
  getInitialState(): FlagClientState
  /** Called after every state change with the new and previous state. Returns an unsubscribe. */
  subscribe(listener: (state: FlagClientState, previous: FlagClientState) => void): () => void
  /**
   * Reports that an evaluation reached the screen. The hooks do this after commit; call it
   * yourself only outside React. Counted once per flag, variant and user for the page session.
   */
  expose(evaluation: FlagEvaluation<FlagValue | undefined>): void
  /**
   * Records a conversion for the current user (OpenFeature tracking: an optional numeric `value`
   * plus custom fields).
   * @example client.track('checkout-completed', { value: 42.5, currency: 'EUR' })
   */
  track(name: string, details?: TrackingEventDetails): void
  /**
   * The render-error kill switch for failures outside render (event handlers, effects): reports
   * that `flagKey`'s current value failed and pins the flag to the call sites' defaults for the
   * rest of the page session on this client. Counts the failing variant as exposed, then sends a
   * flag error event (collector, `onFlagError`, `on('flagError')`), once per flag and session.
   * `<FlagBoundary>` calls it for errors thrown while rendering.
   * @example onClick={() => payWithNewFlow().catch((error) => client.reportError('new-checkout', error))}
   */
  reportError(flagKey: FlagKey, error: unknown): void
  /** Whether overrides apply (the `allowOverrides` option). */
  readonly allowOverrides: boolean
  /**
   * Forces a flag's value on this device until removed; persisted across reloads. Give a value, or
   * a variant with its value. Throws a TypeError for a value that is not JSON. Does nothing (but
   * warn in development) when overrides are not allowed. The override layer is a lazy chunk: calls
   * made before it has loaded (a few milliseconds after the client is created) apply once it has.
   * @example client.setOverride('checkout-experiment', { variant: 'paypal', value: 'paypal' })
   */
  setOverride(key: string, override: FlagValue | { variant: string; value: FlagValue }): void
  removeOverride(key: string): void
  clearOverrides(): void
  /**
   * Listens to `exposure`, `track`, `flagError` (a flag's value failed on screen), `change` (flags
   * whose reads changed, overrides and pins included) or `error` (a failed request). Returns an
   * unsubscribe.
   */
  on<Type extends keyof FlagClientEvents>(
    type: Type,
    listener: (payload: FlagClientEvents[Type]) => void,
  ): () => void
}

export interface FlagClientEvents extends ReporterEvents {
  change: { keys: string[] }
  error: FlagClientError
}
