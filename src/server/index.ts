export { createDevServer } from './createDevServer'
export type { DevServer } from './createDevServer'
export type { DevServerLogger, DevServerOptions } from './DevServerOptions'
export { FlagFileError } from './FlagFileError'
export type { AuditRecord } from './auditRecord'
export type { FlagSnapshot } from './createFlagStore'
export type { CollectorEvent, FeatureEvent, TrackingEvent } from './collectorEvents'
export type {
  Comparison,
  ErrorSummary,
  ConversionSummary,
  ExperimentSummary,
  FlagSummary,
  VariantSummary,
  Verdict,
} from './summarizeExperiments'
