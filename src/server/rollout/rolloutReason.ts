import { formatDuration } from './formatDuration'
import type { RolloutPlan, RolloutState } from './RolloutPlan'

/**
 * The one sentence served as `rolloutReason`. It changes only with the state or the step, so a
 * running rollout does not make every page refetch on every check.
 */
export function rolloutReason(
  plan: RolloutPlan,
  state: RolloutState,
  step: number,
  why: string,
): string {
  const percent = step === 0 ? 0 : plan.steps[step - 1]
  switch (state) {
    case 'advancing':
      return `step ${step} of ${plan.steps.length} at ${percent}%: advances after ${formatDuration(plan.minDwellMs)} and ${plan.minSample} exposures per arm while the guards hold`
    case 'holding':
      return `holding at ${percent}%: ${why}`
    case 'rolled-back':
      return `rolled back to 0%: ${why}`
    case 'complete':
      return `complete: every user gets "${plan.variant}"`
  }
}
