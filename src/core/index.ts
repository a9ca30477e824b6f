export { createFlagClient } from './createFlagClient'
export type { FlagClient } from './createFlagClient'
export { evaluateFlag } from './evaluateFlag'
export { FlagClientError } from './FlagClientError'
export type { FlagClientErrorCode } from './FlagClientError'
export type { FlagClientOptions, HeadersOption } from './options'
export type {
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
