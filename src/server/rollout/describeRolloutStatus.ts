import type { CollectorEvent } from '../collectorEvents'
import { judgeRolloutStep } from './judgeRolloutStep'
import { measureRolloutStep } from './measureRolloutStep'
import type { Rollout } from './Rollout'
import type { RolloutStatus } from './RolloutStatus'

/**
 * A running rollout with its current step's numbers; a rolled-back or complete one with the
 * numbers that ended it (or, after a restart, its step's numbers since).
 */
export function describeRolloutStatus(
  rollout: Rollout,
  events: readonly CollectorEvent[],
  now: number,
): RolloutStatus {
  const { plan, step, percent, state, stepStartedAt } = rollout
  const running = state === 'advancing' || state === 'holding'
  const ended = running ? undefined : rollout.judgement
  const since = ended?.since ?? stepStartedAt
  const judgement =
    ended ?? judgeRolloutStep(plan, measureRolloutStep(events, plan, since), now - stepStartedAt)
  return {
    flag: plan.flag,
    variant: plan.variant,
    control: plan.control,
    steps: plan.steps,
    step,
    percent,
    state,
    stepStartedAt: new Date(stepStartedAt).toISOString(),
    // While running, what it waits or holds for now; otherwise why it rolled back or completed.
    reason: running ? judgement.reason : rollout.reason,
    dwell: { elapsedMs: now - stepStartedAt, requiredMs: plan.minDwellMs },
    sample: { required: plan.minSample },
    measuredSince: new Date(since).toISOString(),
    arms: [judgement.measurement.treatment, judgement.measurement.control],
    guards: judgement.guards,
  }
}
