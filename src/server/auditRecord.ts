import type { FlagSnapshot } from './createFlagStore'
import type { RolloutState } from './rollout/RolloutPlan'

/** One line of the audit log: an admin change, or a step of a guarded rollout. */
export type AuditRecord = FlagChangeRecord | RolloutRecord

/** Who changed which flag, when, from what, to what (`POST /admin/flags/{key}`). */
export interface FlagChangeRecord {
  /** Absent: admin change records predate the `kind` field. */
  kind?: undefined
  actor: string
  /** ISO 8601. */
  time: string
  flag: string
  before: FlagSnapshot
  after: FlagSnapshot
}

/** A guarded rollout moved its flag to another percentage: start, advance, completion, rollback. */
export interface RolloutRecord {
  kind: 'rollout'
  actor: 'vexil rollout'
  /** ISO 8601; when the step began. */
  time: string
  flag: string
  /** The plan's digest: after a restart the rollout resumes from here only if it is unchanged. */
  plan: string
  from: { step: number; percent: number }
  to: { step: number; percent: number }
  state: RolloutState
  reason: string
}
