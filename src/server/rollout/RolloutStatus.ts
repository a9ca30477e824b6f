import type { RolloutGuard } from './judgeRolloutStep'
import type { RolloutArm } from './measureRolloutStep'
import type { RolloutState } from './RolloutPlan'

/** Where one rollout stands and why: an item of `GET /admin/rollouts`. */
export interface RolloutStatus {
  flag: string
  variant: string
  control: string
  steps: number[]
  /** 1-based index into `steps`; 0 once rolled back. */
  step: number
  percent: number
  state: RolloutState
  /** ISO 8601. */
  stepStartedAt: string
  reason: string
  dwell: { elapsedMs: number; requiredMs: number }
  sample: { required: number }
  /**
   * ISO 8601: since when `arms` and `guards` count events. The current step's start, or after a
   * rollback or the completion, the start of the step that led to it.
   */
  measuredSince: string
  /** The treatment, then the control. */
  arms: [RolloutArm, RolloutArm]
  guards: RolloutGuard[]
}
