import type { EvaluationContext } from '../types'
import type { TrackingEvent, TrackingEventDetails } from './CollectorEvent'
import { createEventId } from './createEventId'
import { userFieldsOf } from './userFieldsOf'

export interface TrackingEventInput {
  /** What happened, e.g. `checkout-completed`. */
  name: string
  details?: TrackingEventDetails
  /** The evaluation context at the time; sent whole, as GO Feature Flag expects. */
  context: EvaluationContext
  /**
   * When it happened, in milliseconds since the epoch.
   * @default Date.now()
   */
  now?: number
}

/**
 * A conversion in the GO Feature Flag data-collector shape, with a fresh id.
 * @example toTrackingEvent({ name: 'checkout-completed', details: { value: 42.5 }, context })
 */
export function toTrackingEvent(input: TrackingEventInput): TrackingEvent {
  const { name, details = {}, context, now = Date.now() } = input
  return {
    id: createEventId(),
    kind: 'tracking',
    ...userFieldsOf(context),
    creationDate: Math.floor(now / 1_000),
    key: name,
    evaluationContext: context,
    trackingEventDetails: details,
  }
}
