export type { EventSourceConstructor, EventSourceLike } from './createChangeStream'
export { createFlagClient } from './createFlagClient'
export type { FlagClient } from './createFlagClient'
export { evaluateFlag } from './evaluateFlag'
export { FlagClientError } from './FlagClientError'
export type { FlagClientErrorCode } from './FlagClientError'
export { fetchFlagSnapshot } from './fetchFlagSnapshot'
export type { FlagSnapshot, FlagSnapshotOptions } from './fetchFlagSnapshot'
export type { StorageLike } from './flagCache'
export type { CacheMode, ChangeDetection, FlagClientOptions, HeadersOption } from './options'
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
  WidenFlagValue,
} from './types'
