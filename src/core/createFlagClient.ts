import { createStore } from 'zustand/vanilla'
import { createBackoff } from './backoff'
import { createEmitter } from './createEmitter'
import { createReporter } from './createReporter'
import type { FlagClient, FlagClientEvents } from './FlagClient'
import { createChangeStream } from './createChangeStream'
import { createRefetchScheduler } from './createRefetchScheduler'
import type { RefetchOutcome, RefetchRequest } from './createRefetchScheduler'
import { describeFailure } from './describeFailure'
import { evaluateFlag } from './evaluateFlag'
import { fetchBulkEvaluation } from './fetchBulkEvaluation'
import type { BulkResult, RefetchNotice } from './fetchBulkEvaluation'
import { browserStorage } from './browserStorage'
import { createFlagCache } from './flagCache'
import type { CacheIdentity } from './flagCache'
import { isEqualJson } from './isEqualJson'
import { emptyFlagMap, mergeFlags } from './mergeFlags'
import { resolveOptions } from './options'
import type { FlagClientOptions } from './options'
import type { EventStreamDescriptor } from './parseEventStreams'
import { createLazyOverrides } from './overrides/createLazyOverrides'
import { readOverride } from './overrides/readOverride'
import { failFlag } from './pinFlag'
import { readBootstrap } from './readBootstrap'
import { changedFlagKeys, readFlag } from './readFlag'
import { credentialOf, resolveHeaders } from './resolveHeaders'
import type { EvaluationContext, FlagClientState, FlagMap } from './types'
import { assertContext } from './validateOptions'
import { isHidden, isOffline, watchPage } from './watchPage'
import { warnOnce } from './warnOnce'

/** Notices that arrive this close together cost one refetch. */
const noticeCoalesceMs = 10
const defaultInactivityDelaySec = 120

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
  const EventSource = config.EventSource ?? globalThis.EventSource
  const stream =
    config.changeDetection === 'sse' && typeof EventSource === 'function'
      ? createChangeStream({
          EventSource,
          onNotice: coalesceNotice,
          onReconnect: () => void scheduler.trigger({ automatic: true }),
          onStateChange: followChanges,
        })
      : undefined
  const scheduler = createRefetchScheduler({ perform, backoff: createBackoff() })
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
  let streams: EventStreamDescriptor[] = []
  let running = false
  let hidden = false
  let offline = false
  let streamsClosedWhileHidden = false
  let connectedUrls = ''
  // With a headers function the credential is only known per request, so is the cache entry.
  let cacheReadPending = false
  let firstAnswer: Promise<void> | undefined
  let pollTimer: ReturnType<typeof setInterval> | undefined
  let inactivityTimer: ReturnType<typeof setTimeout> | undefined
  let noticeTimer: ReturnType<typeof setTimeout> | undefined
  let queuedNotice: RefetchNotice | undefined
  let stopWatchingPage: (() => void) | undefined

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
      streams = result.eventStreams
      store.setState((state) => ({
        status: 'ready',
        error: undefined,
        syncedAt,
        flags: mergeFlags(state.flags, result.flags),
        evaluatedContext: context,
      }))
      followChanges()
    }
    cache?.write(identity, { flags: Object.values(store.getState().flags), etag })
    return { kind: 'done' }
  }

  function coalesceNotice(notice: RefetchNotice): void {
    queuedNotice = notice
    noticeTimer ??= setTimeout(() => {
      noticeTimer = undefined
      void scheduler.trigger({ automatic: true, notice: queuedNotice })
    }, noticeCoalesceMs)
  }

  /** Connects, reconnects or drops the change stream and polling to match the current situation. */
  function followChanges(): void {
    if (stream) {
      const wanted =
        running && !streamsClosedWhileHidden ? streams.map(({ url }) => url).join('\n') : ''
      // Set first: connecting reports a state change, which lands back here.
      if (wanted !== connectedUrls) {
        connectedUrls = wanted
        if (wanted === '') stream.close()
        else stream.connect(streams)
      }
    }
    const streaming = stream?.state === 'open'
    const shouldPoll =
      running &&
      !hidden &&
      !offline &&
      config.pollIntervalMs > 0 &&
      (config.changeDetection === 'polling' || (config.changeDetection === 'sse' && !streaming))
    if (shouldPoll && pollTimer === undefined) {
      pollTimer = setInterval(
        () => void scheduler.trigger({ automatic: true }),
        config.pollIntervalMs,
      )
    } else if (!shouldPoll && pollTimer !== undefined) {
      clearInterval(pollTimer)
      pollTimer = undefined
    }
    const connection = !running
      ? 'idle'
      : offline
        ? 'offline'
        : streaming
          ? 'streaming'
          : pollTimer !== undefined
            ? 'polling'
            : stream?.state === 'connecting'
              ? 'connecting'
              : 'idle'
    if (store.getState().connection !== connection) store.setState({ connection })
  }

  const pageEvents = {
    onHidden() {
      hidden = true
      if (stream && stream.state !== 'closed') {
        const delaySec = config.inactivityDelaySec ?? shortestInactivityDelay(streams)
        inactivityTimer = setTimeout(() => {
          streamsClosedWhileHidden = true
          followChanges()
        }, delaySec * 1_000)
      }
      followChanges()
    },
    onVisible() {
      hidden = false
      clearTimeout(inactivityTimer)
      // OFREP ADR-0008: after the stream was closed for inactivity, only a full answer is trusted.
      const unconditional = streamsClosedWhileHidden
      streamsClosedWhileHidden = false
      followChanges()
      void scheduler.trigger({ automatic: true, conditional: !unconditional })
    },
    onOffline() {
      offline = true
      scheduler.pause()
      followChanges()
    },
    onOnline() {
      offline = false
      // Queued first, so the retry already waiting and this trigger leave as one request.
      void scheduler.trigger({ automatic: true, bypassBackoff: true })
      scheduler.resume()
      followChanges()
    },
  }

  return {
    start() {
      if (running) return firstAnswer ?? Promise.resolve()
      running = true
      hidden = isHidden()
      offline = isOffline()
      stopWatchingPage = watchPage(pageEvents)
      reporter.start()
      if (config.overrides?.fromUrl && config.allowOverrides) {
        overrides.run((layer) => layer.applyUrlOverrides())
      }
      firstAnswer = scheduler.trigger({ bypassBackoff: true })
      followChanges()
      return firstAnswer
    },
    close() {
      running = false
      scheduler.stop()
      clearTimeout(inactivityTimer)
      clearTimeout(noticeTimer)
      noticeTimer = undefined
      streamsClosedWhileHidden = false
      stopWatchingPage?.()
      reporter.close()
      followChanges()
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

function shortestInactivityDelay(streams: EventStreamDescriptor[]): number {
  const delays = streams.map((stream) => stream.inactivityDelaySec ?? defaultInactivityDelaySec)
  return delays.length > 0 ? Math.min(...delays) : defaultInactivityDelaySec
}
