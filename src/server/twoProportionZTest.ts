export interface Proportion {
  /** Users who converted. */
  successes: number
  /** Users exposed. */
  trials: number
}

/**
 * Two-proportion z-test with a pooled standard error: is `variant`'s rate different from
 * `control`'s? `null` when the rates leave nothing to test (no trials, or pooled rate 0 or 1).
 */
export function twoProportionZTest(
  variant: Proportion,
  control: Proportion,
): { z: number; pValue: number } | null {
  if (variant.trials === 0 || control.trials === 0) return null
  const pooled = (variant.successes + control.successes) / (variant.trials + control.trials)
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / variant.trials + 1 / control.trials))
  if (standardError === 0) return null
  const z =
    (variant.successes / variant.trials - control.successes / control.trials) / standardError
  return { z, pValue: erfc(Math.abs(z) / Math.SQRT2) }
}

/** P(Z ≥ z) for a standard normal Z: a one-sided p-value. */
export function upperTailProbability(z: number): number {
  return erfc(z / Math.SQRT2) / 2
}

/** Complementary error function, fractional error under 1.2e-7 (Numerical Recipes, erfcc). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x))
  const y =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    )
  return x >= 0 ? y : 2 - y
}
