import { isJsonObject } from './flagDefinition'
import type { JsonObject, JsonValue } from './flagDefinition'
import { httpError } from './HttpError'

/**
 * "This user was shown this variant", in the GO Feature Flag data-collector shape
 * (thomaspoignant/go-feature-flag, exporter/feature_event.go), plus vexil's event `id`.
 */
export interface FeatureEvent {
  kind: 'feature'
  id?: string
  contextKind?: string
  userKey: string
  /** Unix time; seconds or milliseconds, both are seen in the wild. */
  creationDate: number
  key: string
  variation: string
  value?: JsonValue
  /** True when the code default was served because evaluation failed. */
  default?: boolean
  version?: string
  source?: string
}

/** A conversion or other tracked action (exporter/tracking_event.go). */
export interface TrackingEvent {
  kind: 'tracking'
  id?: string
  contextKind?: string
  userKey: string
  creationDate: number
  key: string
  evaluationContext?: JsonObject
  trackingEventDetails?: JsonObject
}

export type CollectorEvent = FeatureEvent | TrackingEvent

export interface RejectedEvent {
  index: number
  problem: string
}

/**
 * Reads a `{ events: [...], meta }` body. A body of another shape is refused as a whole; a bad
 * event is set aside with its problem, so one broken event cannot block a retried batch forever.
 */
export function readCollectorBody(body: unknown): {
  events: CollectorEvent[]
  rejected: RejectedEvent[]
} {
  if (!isJsonObject(body) || !Array.isArray(body.events)) {
    throw httpError(
      400,
      'expected a JSON object with an "events" array, e.g. {"events":[…],"meta":{}}',
    )
  }
  const events: CollectorEvent[] = []
  const rejected: RejectedEvent[] = []
  body.events.forEach((event, index) => {
    const problem = findEventProblem(event)
    if (problem) rejected.push({ index, problem })
    else events.push(event as unknown as CollectorEvent)
  })
  return { events, rejected }
}

/** Milliseconds since the epoch, whichever unit the event used. */
export function eventTimeMs(event: CollectorEvent): number {
  return event.creationDate < 100_000_000_000 ? event.creationDate * 1000 : event.creationDate
}

function findEventProblem(event: JsonValue): string | undefined {
  if (!isJsonObject(event)) return 'an event must be an object'
  if (event.kind !== 'feature' && event.kind !== 'tracking') {
    return `"kind" must be "feature" or "tracking", not ${JSON.stringify(event.kind ?? null)}`
  }
  if (event.id !== undefined && typeof event.id !== 'string') return '"id" must be a string'
  for (const field of ['key', 'userKey'] as const) {
    const value = event[field]
    if (typeof value !== 'string' || value === '') return `"${field}" must be a non-empty string`
  }
  if (typeof event.creationDate !== 'number' || !Number.isFinite(event.creationDate)) {
    return '"creationDate" must be a Unix timestamp'
  }
  if (event.kind === 'feature' && typeof event.variation !== 'string') {
    return 'a feature event needs its "variation" (the variant name) as a string'
  }
  return undefined
}
