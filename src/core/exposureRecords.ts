import type { TrackingEventDetails } from './events/CollectorEvent'
import { errorTypeOf } from './pinFlag'
import type { EvaluationContext, FlagEvaluation, FlagValue, JsonValue } from './types'

/**
 * One exposure with OpenTelemetry's feature-flag attribute names, ready to forward to an analytics
 * tool or an OTel logger.
 */
export interface ExposureRecord {
  'feature_flag.key': string
  'feature_flag.provider.name': 'vexil'
  'feature_flag.result.variant'?: string
  'feature_flag.result.value': JsonValue
  /** Lower-case, as the semantic conventions spell reasons: `targeting_match`, `split`, `error`… */
  'feature_flag.result.reason': string
  'feature_flag.context.id'?: string
  /** Lower-case error code when the default was served: `flag_not_found`, `type_mismatch`… */
  'error.type'?: string
  /** Where the value came from: `network`, `cache`, `bootstrap` or `default`. */
  'vexil.source': FlagEvaluation['source']
}

/** One `client.track(name, details)` call. */
export interface TrackRecord {
  'feature_flag.provider.name': 'vexil'
  'feature_flag.context.id'?: string
  name: string
  /** The numeric value of the conversion, such as an order total. */
  value?: number
  details: TrackingEventDetails
}

/** A flag whose value failed on screen (`<FlagBoundary>`, `client.reportError`). */
export interface FlagErrorRecord {
  'feature_flag.key': string
  'feature_flag.provider.name': 'vexil'
  /** The variant that failed; absent when the call site's default was on screen. */
  'feature_flag.result.variant'?: string
  'feature_flag.context.id'?: string
  /** The class name of what was thrown, e.g. `TypeError`; `_OTHER` when it has none. */
  'error.type': string
  /** What was thrown, to forward to an error tracker. */
  error: unknown
}

/** The OpenTelemetry-shaped record of an exposure, as `onExposure` receives it. */
export function toExposureRecord(
  evaluation: FlagEvaluation<FlagValue | undefined>,
  context: EvaluationContext,
): ExposureRecord {
  const record: ExposureRecord = {
    'feature_flag.key': evaluation.key,
    'feature_flag.provider.name': 'vexil',
    'feature_flag.result.value': (evaluation.value ?? null) as JsonValue,
    'feature_flag.result.reason': evaluation.reason.toLowerCase(),
    'vexil.source': evaluation.source,
  }
  addIdentity(record, evaluation.variant, context)
  if (evaluation.errorCode !== undefined) record['error.type'] = evaluation.errorCode.toLowerCase()
  return record
}

/** The record of a `track` call, as `onTrack` receives it. */
export function toTrackRecord(
  name: string,
  details: TrackingEventDetails,
  context: EvaluationContext,
): TrackRecord {
  const record: TrackRecord = { 'feature_flag.provider.name': 'vexil', name, details }
  addIdentity(record, undefined, context)
  if (typeof details.value === 'number') record.value = details.value
  return record
}

/** The record of a flag error, as `onFlagError` receives it. */
export function toFlagErrorRecord(
  evaluation: FlagEvaluation<FlagValue | undefined>,
  error: unknown,
  context: EvaluationContext,
): FlagErrorRecord {
  const record: FlagErrorRecord = {
    'feature_flag.key': evaluation.key,
    'feature_flag.provider.name': 'vexil',
    'error.type': errorTypeOf(error),
    error,
  }
  addIdentity(record, evaluation.variant, context)
  return record
}

/** The variant and the user, under their OpenTelemetry names, when there are any. */
function addIdentity(
  record: { 'feature_flag.result.variant'?: string; 'feature_flag.context.id'?: string },
  variant: string | undefined,
  context: EvaluationContext,
): void {
  if (variant !== undefined) record['feature_flag.result.variant'] = variant
  if (context.targetingKey !== undefined) record['feature_flag.context.id'] = context.targetingKey
}

/** What makes two exposures the same for session deduplication: flag, variant (or value), user. */
export function exposureKey(
  evaluation: FlagEvaluation<FlagValue | undefined>,
  context: EvaluationContext,
): string {
  return JSON.stringify([
    evaluation.key,
    evaluation.variant ?? evaluation.value,
    context.targetingKey ?? null,
  ])
}
