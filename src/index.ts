export {
  createFlagClient,
  fetchFlagSnapshot,
  FlagClientError,
  formatOverrideParam,
} from 'vexil/core'
export type {
  CacheMode,
  ChangeDetection,
  ConnectionState,
  EvaluationContext,
  EvaluationErrorCode,
  EvaluationReason,
  ExposureOptions,
  ExposureRecord,
  FlagClient,
  FlagClientEvents,
  FlagClientErrorCode,
  FlagClientOptions,
  FlagDefault,
  FlagKey,
  FlagResult,
  FlagVariantValue,
  Register,
  FlagClientState,
  FlagErrorRecord,
  FlagEvaluation,
  FlagSnapshot,
  FlagSource,
  FlagStatus,
  FlagValue,
  HeadersOption,
  JsonValue,
  PinnedFlag,
  TrackingEventDetails,
  TrackRecord,
} from 'vexil/core'
export { Flag } from './react/Flag'
export type { FlagProps } from './react/Flag'
export { FlagBoundary } from './react/FlagBoundary'
export type { FlagBoundaryProps } from './react/FlagBoundary'
export { FlagProvider } from './react/FlagProvider'
export type { FlagProviderProps } from './react/FlagProvider'
export type { ReadOptions } from './react/useExposure'
export { useFlag } from './react/useFlag'
export { useFlagClient } from './react/useFlagClient'
export { useFlagDetails } from './react/useFlagDetails'
export type { FlagStatusResult } from './react/useFlagStatus'
export { useFlagStatus } from './react/useFlagStatus'
export { useSuspenseFlag } from './react/useSuspenseFlag'
export type { SuspenseReadOptions } from './react/useSuspenseFlag'
export type { VariantResult } from './react/useVariant'
export { useTrack } from './react/useTrack'
export { useVariant } from './react/useVariant'
export { Variant } from './react/Variant'
export type { VariantProps } from './react/Variant'
