export { createDevServer } from './createDevServer'
export type { DevServer } from './createDevServer'
export type { DevServerLogger, DevServerOptions } from './DevServerOptions'
export { FlagFileError } from './FlagFileError'
export type { AuditRecord, FlagChangeRecord, RolloutRecord } from './auditRecord'
export type { FlagSnapshot } from './createFlagStore'
export type { CollectorEvent, FeatureEvent, TrackingEvent } from './collectorEvents'
export type { RolloutGuard } from './rollout/judgeRolloutStep'
export type { RolloutArm } from './rollout/measureRolloutStep'
export type { RolloutMetadata, RolloutState } from './rollout/RolloutPlan'
export type { RolloutStatus } from './rollout/RolloutStatus'
export type { StaleFlag, StaleFlagsReport, StaleReason } from './stale/findStaleFlags'
export type {
  Comparison,
  ErrorSummary,
  ConversionSummary,
  ExperimentSummary,
  FlagSummary,
  VariantSummary,
  Verdict,
} from './summarizeExperiments'
