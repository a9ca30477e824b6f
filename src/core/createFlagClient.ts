import { createStore } from 'zustand/vanilla'
import { createBackoff } from './backoff'
import { evaluateFlag } from './evaluateFlag'
import { fetchBulkEvaluation } from './fetchBulkEvaluation'
import { isEqualJson } from './isEqualJson'
import { emptyFlagMap, mergeFlags } from './mergeFlags'
import { assertContext, resolveOptions } from './options'
import type { FlagClientOptions } from './options'
import type {
  EvaluationContext,
  FlagClientState,
  FlagEvaluation,
  FlagValue,
  WidenFlagValue,
} from './types'
import { warnOnce } from './warnOnce'

export interface FlagClient {
  /**
   * Starts fetching flags. Idempotent; `<FlagProvider>` calls it for you. Resolves once the first
   * answer (or failure) is in the state; never rejects.
   */
  start(): Promise<void>
  /** Stops all I/O and aborts a request in flight. The values stay; `start()` resumes. */
  close(): void
  /**
   * Evaluates flags for someone else (sign-in, sign-out, an attribute change). Reads keep the
   * previous values with status `stale` until the new answer arrives. Resolves when it has.
   */
  setContext(context: EvaluationContext): Promise<void>
  /** Asks the service again now (with `If-None-Match`), also after a fatal error. */
  refresh(): Promise<void>
  /**
   * Reads one flag as the type of `defaultValue`, with the reason for its value.
   * @example client.evaluate('new-checkout', false).value // boolean
   */
  evaluate<T extends FlagValue>(key: string, defaultValue: T): FlagEvaluation<WidenFlagValue<T>>
  getState(): FlagClientState
  /** The state before any I/O; what a server render sees. */
  getInitialState(): FlagClientState
  /** Called after every state change with the new and previous state. Returns an unsubscribe. */
  subscribe(listener: (state: FlagClientState, previous: FlagClientState) => void): () => void
}

/**
 * Creates a flag client for one OFREP service. Does no I/O until `start()`.
 * @example
 * const client = createFlagClient({
 *   baseUrl: 'https://flags.example.com',
 *   context: { targetingKey: user.id, plan: user.plan },
 *   headers: { Authorization: `Bearer ${token}` },
 * })
 */
export function createFlagClient(options: FlagClientOptions): FlagClient {
  const config = resolveOptions(options)
  const store = createStore<FlagClientState>()(() => ({
    status: 'loading',
    error: undefined,
    context: config.context,
    flags: emptyFlagMap(),
    syncedAt: undefined,
  }))
  const backoff = createBackoff()
  let running = false
  let etag: string | undefined
  let inFlight: { controller: AbortController; done: Promise<void> } | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined

  function sync(): Promise<void> {
    clearTimeout(retryTimer)
    inFlight?.controller.abort()
    const controller = new AbortController()
    const done = request(controller)
    inFlight = { controller, done }
    return done
  }

  async function request(controller: AbortController): Promise<void> {
    const result = await fetchBulkEvaluation({
      ...config,
      context: store.getState().context,
      etag,
      signal: controller.signal,
    })
    // A newer request or close() took over; the caller waits for whatever replaced this one.
    if (controller.signal.aborted || result.kind === 'aborted') return inFlight?.done
    inFlight = undefined
    if (result.kind === 'failed') {
      const { error } = result
      warnOnce(error.message)
      store.setState({ status: 'error', error })
      if (!error.fatal) {
        const delay = Math.max(backoff.next(), result.retryAfterMs ?? 0)
        retryTimer = setTimeout(() => void sync(), delay)
      }
      return
    }
    backoff.reset()
    const syncedAt = Date.now()
    if (result.kind === 'unchanged') {
      store.setState({ status: 'ready', error: undefined, syncedAt })
      return
    }
    etag = result.etag
    store.setState((state) => ({
      status: 'ready',
      error: undefined,
      flags: mergeFlags(state.flags, result.flags),
      syncedAt,
    }))
  }

  return {
    start() {
      if (running) return inFlight?.done ?? Promise.resolve()
      running = true
      return sync()
    },
    close() {
      running = false
      clearTimeout(retryTimer)
      inFlight?.controller.abort()
      inFlight = undefined
    },
    setContext(context) {
      assertContext(context, 'setContext')
      const state = store.getState()
      if (isEqualJson(context, state.context)) return inFlight?.done ?? Promise.resolve()
      // The ETag belongs to the previous context's answer; it must not make a 304 for this one.
      etag = undefined
      backoff.reset()
      const hasValues = Object.keys(state.flags).length > 0
      store.setState({ context, status: hasValues ? 'stale' : 'loading', error: undefined })
      return running ? sync() : Promise.resolve()
    },
    refresh() {
      if (!running) {
        warnOnce(
          'refresh() was called before start(); mount <FlagProvider> or call client.start() first.',
        )
        return Promise.resolve()
      }
      return sync()
    },
    evaluate(key, defaultValue) {
      const state = store.getState()
      return evaluateFlag(
        key,
        state.flags[key],
        state.syncedAt !== undefined,
        defaultValue,
      ) as FlagEvaluation<WidenFlagValue<typeof defaultValue>>
    },
    getState: store.getState,
    getInitialState: store.getInitialState,
    subscribe: store.subscribe,
  }
}
