import { createStore } from 'zustand/vanilla'
import { createBackoff } from './backoff'
import { createEmitter } from './createEmitter'
import { createReporter } from './createReporter'
import type { FlagClient, FlagClientEvents } from './FlagClient'
import { createChangeFollower } from './createChangeFollower'
import { createRefetchScheduler } from './createRefetchScheduler'
import type { RefetchOutcome, RefetchRequest } from './createRefetchScheduler'
import { describeFailure } from './describeFailure'
import { evaluateFlag } from './evaluateFlag'
import { fetchBulkEvaluation } from './fetchBulkEvaluation'
import type { BulkResult } from './fetchBulkEvaluation'
import { browserStorage } from './browserStorage'
import { createFlagCache } from './flagCache'
import type { CacheIdentity } from './flagCache'
import { isEqualJson } from './isEqualJson'
import { emptyFlagMap, mergeFlags } from './mergeFlags'
import { resolveOptions } from './options'
import type { FlagClientOptions } from './options'
import { createLazyOverrides } from './overrides/createLazyOverrides'
import { readOverride } from './overrides/readOverride'
import { failFlag } from './pinFlag'
import { readBootstrap } from './readBootstrap'
import { changedFlagKeys, readFlag } from './readFlag'
import { credentialOf, resolveHeaders } from './resolveHeaders'
import type { EvaluationContext, FlagClientState, FlagMap } from './types'
import { assertContext } from './validateOptions'
import { warnOnce } from './warnOnce'

/**
 * Creates a flag client for one OFREP service. Does no network I/O until `start()`; reads the
 * flags persisted for this user, if any, so the first client render can show them.
 * @example
 * const client = createFlagClient({
 *   baseUrl: 'https://flags.example.com',
 *   context: { targetingKey: user.id, plan: user.plan },
 *   headers: { Authorization: `Bearer ${token}` },
 * })
 */
export function createFlagClient(options: FlagClientOptions): FlagClient {
  const config = resolveOptions(options)
  const bootstrap = readBootstrap(config.bootstrap, config.context)
  const store = createStore<FlagClientState>()(() => ({
    status: bootstrap ? 'ready' : 'loading',
    error: undefined,
    context: config.context,
    flags: bootstrap ? mergeFlags(emptyFlagMap(), bootstrap.flags) : emptyFlagMap(),
    syncedAt: bootstrap?.fetchedAt,
    connection: 'idle',
    evaluatedContext: bootstrap ? config.context : undefined,
    overrides: emptyFlagMap(),
    pins: emptyFlagMap(),
  }))
  const storage = config.cacheMode === 'disabled' ? undefined : (config.storage ?? browserStorage())
  const cache = storage && createFlagCache(storage, config.cacheTtlMs)
  const scheduler = createRefetchScheduler({ perform, backoff: createBackoff() })
  const changes = createChangeFollower(config, store, scheduler)
  const emitter = createEmitter<FlagClientEvents>()
  const reporter = createReporter(config, emitter)
  store.subscribe((state, previous) => {
    const keys = changedFlagKeys(state, previous)
    if (keys.length > 0) emitter.emit('change', { keys })
  })
  const overrides = createLazyOverrides(config, store, (evaluation) => {
    const { evaluatedContext } = store.getState()
    if (evaluatedContext !== undefined) reporter.expose(evaluation, evaluatedContext)
  })

  const reportedErrors = new Set<string>()
  let etag = bootstrap?.etag
  let running = false
  // With a headers function the credential is only known per request, so is the cache entry.
  let cacheReadPending = false
  let firstAnswer: Promise<void> | undefined

  if (!bootstrap && config.cacheMode === 'local-cache-first') readCacheFor(config.context)

  function readCacheFor(context: EvaluationContext): void {
    if (typeof config.headers === 'function') {
      cacheReadPending = true
      return
    }
    showCachedValues(identityOf(context, credentialOf(config.headers)), context)
  }

  function identityOf(context: EvaluationContext, credential: string | undefined): CacheIdentity {
    return { baseUrl: config.baseUrl, targetingKey: context.targetingKey, credential }
  }

  function showCachedValues(identity: CacheIdentity, context: EvaluationContext): void {
    const entry = cache?.read(identity)
    if (entry === undefined) return
    etag = entry.etag
    store.setState((state) => ({
      flags: mergeFlags(emptyFlagMap(), entry.flags),
      evaluatedContext: context,
      status: state.status === 'error' ? 'error' : 'stale',
      syncedAt: state.syncedAt ?? entry.writtenAt,
    }))
  }

  async function perform(request: RefetchRequest, signal: AbortSignal): Promise<RefetchOutcome> {
    const { context } = store.getState()
    const headers = await resolveHeaders(config.headers)
    if (signal.aborted) return { kind: 'aborted' }
    const identity = identityOf(context, headers.ok ? credentialOf(headers.headers) : undefined)
    if (cacheReadPending && headers.ok) {
      cacheReadPending = false
      if (config.cacheMode === 'local-cache-first') showCachedValues(identity, context)
    }
    const result = headers.ok
      ? await fetchBulkEvaluation({
          baseUrl: config.baseUrl,
          context,
          etag: request.conditional ? etag : undefined,
          notice: request.notice,
          headers: headers.headers,
          fetch: config.fetch,
          timeoutMs: config.timeoutMs,
          signal,
        })
      : ({ kind: 'failed', error: headers.error } satisfies BulkResult as BulkResult)
    if (signal.aborted || result.kind === 'aborted') return { kind: 'aborted' }

    if (result.kind === 'failed') {
      const { error } = result
      if (process.env.NODE_ENV !== 'production') warnOnce(describeFailure(config.baseUrl, error))
      if (config.cacheMode === 'network-first' && store.getState().syncedAt === undefined) {
        showCachedValues(identity, context)
      }
      store.setState({ status: 'error', error })
      emitter.emit('error', error)
      if (error.fatal) return { kind: 'fatal' }
      return {
        kind: 'retry',
        retryAfterMs: result.retryAfterMs,
        rateLimited: error.code === 'rate-limited',
      }
    }
    const syncedAt = Date.now()
    if (result.kind === 'unchanged') {
      store.setState((state) => ({
        status: 'ready',
        error: undefined,
        syncedAt,
        flags: confirmedByNetwork(state.flags),
        evaluatedContext: context,
      }))
    } else {
      etag = result.etag
      store.setState((state) => ({
        status: 'ready',
        error: undefined,
        syncedAt,
        flags: mergeFlags(state.flags, result.flags),
        evaluatedContext: context,
      }))
      changes.useStreams(result.eventStreams)
    }
    cache?.write(identity, { flags: Object.values(store.getState().flags), etag })
    return { kind: 'done' }
  }

  return {
    start() {
      if (running) return firstAnswer ?? Promise.resolve()
      running = true
      reporter.start()
      if (config.overrides?.fromUrl && config.allowOverrides) {
        overrides.run((layer) => layer.applyUrlOverrides())
      }
      firstAnswer = scheduler.trigger({ bypassBackoff: true })
      changes.start()
      return firstAnswer
    },
    close() {
      running = false
      scheduler.stop()
      changes.stop()
      reporter.close()
    },
    setContext(context) {
      if (process.env.NODE_ENV !== 'production') assertContext(context, 'setContext')
      const state = store.getState()
      if (isEqualJson(context, state.context)) return firstAnswer ?? Promise.resolve()
      // The ETag belongs to the previous context's answer; it must not make a 304 for this one.
      etag = undefined
      const hasValues = Object.keys(state.flags).length > 0
      store.setState({ context, status: hasValues ? 'stale' : 'loading' })
      if (config.cacheMode === 'local-cache-first') readCacheFor(context)
      if (!running) return Promise.resolve()
      return scheduler.trigger({ supersede: true, bypassBackoff: true })
    },
    refresh() {
      if (!running) {
        warnOnce(
          'refresh() was called before start(); mount <FlagProvider> or call client.start() first.',
        )
        return Promise.resolve()
      }
      return scheduler.trigger({ bypassBackoff: true })
    },
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
    expose: overrides.expose,
    track(name, details = {}) {
      reporter.track(name, details, store.getState().context)
    },
    reportError(key, error) {
      if (reportedErrors.has(key)) return
      reportedErrors.add(key)
      const state = store.getState()
      const { failed, pins } = failFlag(state, key, error, Date.now())
      if (pins !== state.pins) store.setState({ pins })
      // The failing render never committed, so no hook counted this user as exposed to it.
      if (state.evaluatedContext !== undefined) overrides.expose(failed)
      reporter.reportError(failed, error, state.evaluatedContext ?? state.context)
    },
    on: emitter.on,
    allowOverrides: config.allowOverrides,
    setOverride(key, override) {
      const checked = readOverride(key, override)
      overrides.run((layer) => layer.set(key, checked))
    },
    removeOverride(key) {
      overrides.run((layer) => layer.remove(key))
    },
    clearOverrides() {
      overrides.run((layer) => layer.clear())
    },
  }
}

/** After a 304, values from the cache or a server render are the service's current answer. */
function confirmedByNetwork(flags: FlagMap): FlagMap {
  const entries = Object.values(flags)
  if (entries.every((flag) => flag.source === 'network')) return flags
  return mergeFlags(
    flags,
    entries.map((flag) => ({ ...flag, source: 'network' })),
  )
}
