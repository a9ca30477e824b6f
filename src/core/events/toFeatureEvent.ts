import type { EvaluationContext, JsonValue } from '../types'
import type { FeatureEvent } from './CollectorEvent'
import { createEventId } from './createEventId'
import { userFieldsOf } from './userFieldsOf'

export interface FeatureEventInput {
  key: string
  value: JsonValue
  /** The variant the flag service chose, when it named one. */
  variant?: string
  /** Whether `value` is the call site's default (flag missing, type mismatch, not ready yet). */
  isDefault: boolean
  context: EvaluationContext
  /** The flag's version, when the service reports one. */
  version?: string
  /**
   * Where the value was evaluated, as GO Feature Flag names it.
   * @default 'PROVIDER_CACHE'
   */
  source?: string
  /**
   * When the value was shown, in milliseconds since the epoch.
   * @default Date.now()
   */
  now?: number
}

/**
 * An exposure in the GO Feature Flag data-collector shape, with a fresh id.
 * @example toFeatureEvent({ key: 'new-checkout', value: true, variant: 'on', isDefault: false, context })
 */
export function toFeatureEvent(input: FeatureEventInput): FeatureEvent {
  const { key, value, variant, isDefault, context, version, source, now = Date.now() } = input
  return {
    id: createEventId(),
    kind: 'feature',
    ...userFieldsOf(context),
    creationDate: Math.floor(now / 1_000),
    key,
    // GO Feature Flag's convention for "the SDK served the call site's default".
    variation: isDefault || variant === undefined ? 'SdkDefault' : variant,
    value,
    default: isDefault,
    ...(version === undefined ? {} : { version }),
    source: source ?? 'PROVIDER_CACHE',
  }
}
