import type { RolloutJudgement } from './judgeRolloutStep'
import type { RolloutPlan, RolloutState } from './RolloutPlan'

/** A plan and where it stands, as the rollout engine keeps it. */
export interface Rollout {
  plan: RolloutPlan
  /** 1-based index into the plan's steps; 0 once rolled back. */
  step: number
  percent: number
  state: RolloutState
  stepStartedAt: number
  /** The served `rolloutReason`. */
  reason: string
  /** What led to the last rollback, completion or hold, and since when it counted. */
  judgement?: RolloutJudgement & { since: number }
}
