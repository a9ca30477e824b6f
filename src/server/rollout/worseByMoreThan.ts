import type { Proportion } from '../twoProportionZTest'
import { upperTailProbability } from '../twoProportionZTest'

/**
 * One-sided p-value of "the treatment's rate is not above the control's by more than `margin`"
 * (a Wald z-test against the margin, with unpooled variances): small when the data show the
 * treatment is worse by more than the guard allows, not merely worse. Testing against the limit
 * itself keeps a rollout whose guards are checked after every batch from being rolled back on
 * noise. `null` when an arm has no trials.
 */
export function riseBeyond(treatment: Proportion, control: Proportion, margin: number) {
  return marginTest(treatment, control, 1, margin)
}

/** The same for "the treatment's rate is not below the control's by more than `drop` of it". */
export function dropBeyond(treatment: Proportion, control: Proportion, drop: number) {
  return marginTest(control, treatment, 1 - drop, 0)
}

/** p-value of H0: `scale` × rate(higher) − rate(lower) ≤ `margin`. */
function marginTest(
  higher: Proportion,
  lower: Proportion,
  scale: number,
  margin: number,
): number | null {
  if (higher.trials === 0 || lower.trials === 0) return null
  const h = higher.successes / higher.trials
  const l = lower.successes / lower.trials
  const excess = scale * h - l - margin
  const variance = (scale * scale * h * (1 - h)) / higher.trials + (l * (1 - l)) / lower.trials
  if (variance === 0) return excess > 0 ? 0 : 1
  return upperTailProbability(excess / Math.sqrt(variance))
}
