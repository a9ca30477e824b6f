export type { EventSourceConstructor, EventSourceLike } from './createChangeStream'
export { createFlagClient } from './createFlagClient'
export type { FlagClient, FlagClientEvents } from './FlagClient'
export type { TrackingEventDetails } from './events/CollectorEvent'
export { exposureKey, toExposureRecord, toFlagErrorRecord, toTrackRecord } from './exposureRecords'
export type { ExposureRecord, FlagErrorRecord, TrackRecord } from './exposureRecords'
export { failFlag, isPinnable } from './pinFlag'
export { evaluateFlag } from './evaluateFlag'
export { FlagClientError } from './FlagClientError'
export { formatOverrideParam } from './overrides/formatOverrideParam'
export { changedFlagKeys, readFlag } from './readFlag'
export type { FlagDefault, FlagKey, FlagResult, FlagVariantValue, Register } from './register'
export type { FlagClientErrorCode } from './FlagClientError'
export { fetchFlagSnapshot } from './fetchFlagSnapshot'
export type { FlagSnapshot, FlagSnapshotOptions } from './fetchFlagSnapshot'
export type { StorageLike } from './flagCache'
export type {
  CacheMode,
  ChangeDetection,
  ExposureOptions,
  FlagClientOptions,
  HeadersOption,
} from './options'
export type {
  ConnectionState,
  EvaluatedFlag,
  EvaluationContext,
  EvaluationErrorCode,
  EvaluationReason,
  FlagClientState,
  FlagEvaluation,
  FlagMap,
  FlagMetadata,
  FlagSource,
  FlagStatus,
  FlagValue,
  JsonArray,
  JsonObject,
  JsonPrimitive,
  JsonValue,
  PinnedFlag,
  WidenFlagValue,
} from './types'
