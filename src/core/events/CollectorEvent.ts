import type { EvaluationContext, JsonPrimitive, JsonValue } from '../types'

/** GO Feature Flag's word for whether an event was made on behalf of a known user. */
export type ContextKind = 'user' | 'anonymousUser'

/** "This user was shown this value of this flag", as a GO Feature Flag data collector reads it. */
export interface FeatureEvent {
  /** Unique per event, so a collector can drop a redelivery: delivery is at-least-once. */
  readonly id: string
  readonly kind: 'feature'
  readonly contextKind: ContextKind
  readonly userKey: string
  /** Unix time in seconds. */
  readonly creationDate: number
  readonly key: string
  /** The variant served, or `SdkDefault` when the call site's default was. */
  readonly variation: string
  readonly value: JsonValue
  /** Whether `value` is the call site's default rather than a value from the flag service. */
  readonly default: boolean
  readonly version?: string
  /** Where the value was evaluated; `PROVIDER_CACHE` for values served from a bulk evaluation. */
  readonly source: string
}

/** The OpenFeature tracking shape: an optional numeric value plus custom fields. */
export interface TrackingEventDetails {
  /** A number to aggregate, such as an order total. */
  value?: number
  [field: string]: JsonValue | undefined
}

/** A conversion (`client.track(name, details)`), as a GO Feature Flag data collector reads it. */
export interface TrackingEvent {
  readonly id: string
  readonly kind: 'tracking'
  readonly contextKind: ContextKind
  readonly userKey: string
  /** Unix time in seconds. */
  readonly creationDate: number
  /** The name of what happened, e.g. `checkout-completed`. */
  readonly key: string
  readonly evaluationContext: EvaluationContext
  readonly trackingEventDetails: TrackingEventDetails
}

export type CollectorEvent = FeatureEvent | TrackingEvent

/** Extra fields sent with every batch; GO Feature Flag copies them into each event's metadata. */
export type CollectorMeta = Readonly<Record<string, JsonPrimitive>>

/** The body of `POST …/v1/data/collector`. */
export interface CollectorPayload {
  events: CollectorEvent[]
  /** Carries `droppedEvents` when the outbox bound dropped events since the last delivery. */
  meta: CollectorMeta
}
