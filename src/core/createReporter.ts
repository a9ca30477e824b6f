import { callSafely } from './createEmitter'
import type { Emitter } from './createEmitter'
import type { TrackingEventDetails } from './events/CollectorEvent'
import type { EventQueue } from './events/createEventQueue'
import type * as DeliveryModule from './events/delivery'
import type { FeatureEventInput } from './events/toFeatureEvent'
import type { TrackingEventInput } from './events/toTrackingEvent'
import { flagErrorEventKey } from './events/flagErrorEventKey'
import { exposureKey, toExposureRecord, toFlagErrorRecord, toTrackRecord } from './exposureRecords'
import type { ExposureRecord, FlagErrorRecord, TrackRecord } from './exposureRecords'
import { hashString } from './hashString'
import type { ResolvedOptions } from './options'
import type { EvaluationContext, FlagEvaluation, FlagValue } from './types'

export interface ReporterEvents {
  exposure: ExposureRecord
  track: TrackRecord
  flagError: FlagErrorRecord
}

export interface Reporter {
  expose(evaluation: FlagEvaluation<FlagValue | undefined>, context: EvaluationContext): void
  track(name: string, details: TrackingEventDetails, context: EvaluationContext): void
  reportError(
    evaluation: FlagEvaluation<FlagValue | undefined>,
    error: unknown,
    context: EvaluationContext,
  ): void
  start(): void
  close(): void
}

type Delivery = typeof DeliveryModule
type PendingEvent = { feature: FeatureEventInput } | { tracking: TrackingEventInput }

/**
 * Turns reads that reached the screen into exposures, counted once per user and variant for the
 * page session, and conversions and flag errors into tracking events; all go to the callbacks, the client's
 * listeners and, when `exposures.url` is set, a collector. The collector pipeline is a lazy chunk
 * loaded on start; events raised before it arrives wait in memory with their timestamps.
 */
export function createReporter(
  config: ResolvedOptions,
  emitter: Emitter<ReporterEvents>,
): Reporter {
  const { exposures = {}, onExposure, onTrack, onFlagError } = config
  const { url } = exposures
  const seen = new Set<string>()
  let delivery: { queue: EventQueue; build: Delivery } | undefined
  let loading: Promise<void> | undefined
  let pending: PendingEvent[] = []
  let running = false

  function send(event: PendingEvent): void {
    if (url === undefined) return
    if (delivery === undefined) return void pending.push(event)
    const { queue, build } = delivery
    queue.enqueue(
      'feature' in event
        ? build.toFeatureEvent(event.feature)
        : build.toTrackingEvent(event.tracking),
    )
  }

  function loadDelivery(collectorUrl: string): void {
    loading ??= import('./events/delivery').then((build) => {
      const queue = build.createEventQueue({
        url: collectorUrl,
        storageKey: `vexil:events:${hashString(collectorUrl)}`,
        headers: exposures.headers ?? config.headers,
        fetch: config.fetch,
        storage: config.storage,
        batchSize: exposures.batchSize,
        flushIntervalMs: exposures.flushIntervalMs,
        maxEvents: exposures.maxEvents,
      })
      delivery = { queue, build }
      if (running) queue.start()
      pending.forEach(send)
      pending = []
    })
  }

  return {
    expose(evaluation, context) {
      // Nothing was evaluated yet: the default on screen says nothing about any variant.
      if (evaluation.errorCode === 'PROVIDER_NOT_READY') return
      const forced = evaluation.source === 'override'
      if (exposures.dedupe !== 'none') {
        const id = exposureKey(evaluation, context)
        if (seen.has(id)) return
        seen.add(id)
      }
      if (!forced || exposures.includeOverrides)
        send({
          feature: {
            key: evaluation.key,
            value: evaluation.value ?? null,
            variant: evaluation.variant,
            isDefault: evaluation.source === 'default',
            context,
            now: Date.now(),
          },
        })
      const record = toExposureRecord(evaluation, context)
      if (onExposure) callSafely(onExposure, record, 'onExposure')
      emitter.emit('exposure', record)
    },
    track(name, details, context) {
      send({ tracking: { name, details, context, now: Date.now() } })
      const record = toTrackRecord(name, details, context)
      if (onTrack) callSafely(onTrack, record, 'onTrack')
      emitter.emit('track', record)
    },
    reportError(evaluation, error, context) {
      const record = toFlagErrorRecord(evaluation, error, context)
      // A failure of a forced value says nothing about the variant real users get.
      if (evaluation.source !== 'override' || exposures.includeOverrides) {
        const details = {
          flagKey: evaluation.key,
          variant: evaluation.variant ?? null,
          errorType: record['error.type'],
        }
        send({ tracking: { name: flagErrorEventKey, details, context, now: Date.now() } })
      }
      if (onFlagError) callSafely(onFlagError, record, 'onFlagError')
      emitter.emit('flagError', record)
    },
    start() {
      running = true
      if (url !== undefined) loadDelivery(url)
      delivery?.queue.start()
    },
    close() {
      running = false
      if (delivery === undefined) return
      // Whatever cannot be sent now stays in the outbox for the next start.
      void delivery.queue.flush()
      delivery.queue.close()
    },
  }
}
