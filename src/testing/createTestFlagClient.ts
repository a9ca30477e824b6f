import { createStore } from 'zustand/vanilla'
import {
  changedFlagKeys,
  evaluateFlag,
  exposureKey,
  failFlag,
  readFlag,
  toExposureRecord,
  toFlagErrorRecord,
  toTrackRecord,
} from 'vexil/core'
import type {
  EvaluatedFlag,
  EvaluationContext,
  FlagClient,
  FlagClientError,
  FlagClientEvents,
  FlagClientState,
  FlagErrorRecord,
  FlagEvaluation,
  FlagKey,
  FlagMap,
  FlagStatus,
  FlagValue,
  TrackingEventDetails,
} from 'vexil/core'
import { readTestOverride } from './readTestOverride'
import { noFlags, serveFlags, toServedFlag, toServedFlags } from './serveFlags'
import { showStatus } from './showStatus'
import type { TestFlag, TestFlags } from './TestFlag'

export interface TestFlagClientOptions {
  /** The flag service's answer, e.g. `{ 'new-checkout': true, theme: 'dark' }`. */
  flags?: TestFlags
  /**
   * `'loading'` serves nothing yet (reads get their defaults) until `setStatus('ready')`;
   * `'error'` serves the given flags as the last known values.
   * @default 'ready'
   */
  status?: FlagStatus
  /** Why the service failed, with `status: 'error'`. @default a `server` error (503) */
  error?: FlagClientError
  /** Whom the flags were evaluated for. @default {} */
  context?: EvaluationContext
}

/** A `client.track(name, details)` call, as a test sees it. */
export interface TrackedEvent {
  name: string
  details: TrackingEventDetails
  context: EvaluationContext
}

/** A flag client whose state a test sets directly. Everything else behaves like the real one. */
export interface TestFlagClient extends FlagClient {
  /** Serves `flag` for `key` at once, re-rendering its readers. */
  setFlag(key: FlagKey, flag: TestFlag): void
  /** Replaces every served flag; unchanged flags re-render nobody. */
  setFlags(flags: TestFlags): void
  /** As if the service stopped knowing the flag: reads get their default (`FLAG_NOT_FOUND`). */
  removeFlag(key: FlagKey): void
  setStatus(status: FlagStatus, error?: FlagClientError): void
  /** Evaluations that reached the screen, once per flag, variant and user, as the client counts them. */
  readonly exposures: readonly FlagEvaluation<FlagValue | undefined>[]
  readonly tracked: readonly TrackedEvent[]
  /** Flag errors (`<FlagBoundary>`, `reportError`), once per flag, as the client reports them. */
  readonly flagErrors: readonly FlagErrorRecord[]
}

/**
 * Creates a flag client for tests and stories: no network, no timers, no storage. Pass it to
 * `<FlagProvider client={client}>` and the real hooks read it.
 * @example
 * const client = createTestFlagClient({ flags: { 'new-checkout': true } })
 * render(<FlagProvider client={client}><Checkout /></FlagProvider>)
 * act(() => client.setFlag('new-checkout', false))
 */
export function createTestFlagClient(options: TestFlagClientOptions = {}): TestFlagClient {
  const { flags = {}, status = 'ready', error, context = {} } = options
  let served = serveFlags(noFlags, toServedFlags(flags))
  const base: FlagClientState = {
    status: 'loading',
    error: undefined,
    context,
    flags: noFlags,
    syncedAt: undefined,
    connection: 'idle',
    evaluatedContext: undefined,
    overrides: noFlags,
    pins: Object.create(null),
  }
  const store = createStore<FlagClientState>()(() => showStatus(base, served, status, error))
  const listeners = new Map<keyof FlagClientEvents, Set<(payload: never) => void>>()
  const seen = new Set<string>()
  const exposures: FlagEvaluation<FlagValue | undefined>[] = []
  const tracked: TrackedEvent[] = []
  const flagErrors: FlagErrorRecord[] = []

  function emit<Type extends keyof FlagClientEvents>(type: Type, payload: FlagClientEvents[Type]) {
    listeners.get(type)?.forEach((listener) => listener(payload as never))
  }

  function expose(evaluation: FlagEvaluation<FlagValue | undefined>): void {
    const { evaluatedContext } = store.getState()
    if (evaluatedContext === undefined || evaluation.errorCode === 'PROVIDER_NOT_READY') return
    const id = exposureKey(evaluation, evaluatedContext)
    if (seen.has(id)) return
    seen.add(id)
    exposures.push(evaluation)
    emit('exposure', toExposureRecord(evaluation, evaluatedContext))
  }

  store.subscribe((state, previous) => {
    const keys = changedFlagKeys(state, previous)
    if (keys.length > 0) emit('change', { keys })
  })

  function replaceServed(next: FlagMap): void {
    if (next === served) return
    served = next
    store.setState((state) => showStatus(state, served, state.status, state.error))
  }

  function setOverrides(change: (overrides: Record<string, EvaluatedFlag>) => void): void {
    const next: Record<string, EvaluatedFlag> = Object.assign(
      Object.create(null),
      store.getState().overrides,
    )
    change(next)
    store.setState({ overrides: next })
  }

  return {
    start: () => Promise.resolve(),
    close() {},
    setContext(next) {
      const state = store.getState()
      if (JSON.stringify(next) === JSON.stringify(state.context)) return Promise.resolve()
      // The test's flags are everyone's: the new user's answer is already in.
      store.setState({
        context: next,
        evaluatedContext: state.evaluatedContext === undefined ? undefined : next,
      })
      return Promise.resolve()
    },
    refresh: () => Promise.resolve(),
    evaluate(key, defaultValue) {
      const state = store.getState()
      return evaluateFlag(
        key,
        readFlag(state, key),
        state.syncedAt !== undefined,
        defaultValue,
      ) as never
    },
    getState: store.getState,
    getInitialState: store.getInitialState,
    subscribe: store.subscribe,
    expose,
    track(name, details = {}) {
      const { context: current } = store.getState()
      tracked.push({ name, details, context: current })
      emit('track', toTrackRecord(name, details, current))
    },
    reportError(key, error) {
      if (flagErrors.some((record) => record['feature_flag.key'] === key)) return
      const state = store.getState()
      const { failed, pins } = failFlag(state, key, error, Date.now())
      if (pins !== state.pins) store.setState({ pins })
      expose(failed)
      const record = toFlagErrorRecord(failed, error, state.evaluatedContext ?? state.context)
      flagErrors.push(record)
      emit('flagError', record)
    },
    on(type, listener) {
      const set = listeners.get(type) ?? new Set()
      listeners.set(type, set)
      set.add(listener)
      return () => void set.delete(listener)
    },
    allowOverrides: true,
    setOverride(key, override) {
      const { variant, value } = readTestOverride(key, override)
      setOverrides((overrides) => {
        overrides[key] = { key, value, variant, reason: 'OVERRIDE', source: 'override' }
      })
    },
    removeOverride(key) {
      if (store.getState().overrides[key] !== undefined) setOverrides((all) => delete all[key])
    },
    clearOverrides() {
      if (Object.keys(store.getState().overrides).length > 0)
        setOverrides((all) => Object.keys(all).forEach((key) => delete all[key]))
    },
    setFlag(key, flag) {
      const others = Object.values(served).filter((entry) => entry.key !== key)
      replaceServed(serveFlags(served, [...others, toServedFlag(key, flag)]))
    },
    setFlags(next) {
      replaceServed(serveFlags(served, toServedFlags(next)))
    },
    removeFlag(key) {
      replaceServed(
        serveFlags(
          served,
          Object.values(served).filter((entry) => entry.key !== key),
        ),
      )
    },
    setStatus(next, nextError) {
      const state = store.getState()
      if (next === state.status && (nextError === undefined || nextError === state.error)) return
      store.setState(showStatus(state, served, next, nextError))
      const { error: failure } = store.getState()
      if (failure !== undefined) emit('error', failure)
    },
    exposures,
    tracked,
    flagErrors,
  }
}
