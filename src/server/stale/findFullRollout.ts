import { isJsonObject } from '../flagDefinition'
import type { FlagDefinition, JsonValue } from '../flagDefinition'
import { resolveEvaluatorReferences } from '../resolveEvaluatorReferences'

/** Every user gets `variant`, or the code default when it is `null`. */
export interface FullRollout {
  variant: string | null
}

/**
 * Whether every user gets the same from a served flag, and what: the code default when it is
 * DISABLED, the default variant when it has no targeting, or the one variant that holds all the
 * weight of a targeting rule that is only a `fractional` split (as a finished rollout leaves it,
 * `[["on", 100]]`). `undefined` when users can get different variants.
 */
export function findFullRollout(
  flag: FlagDefinition,
  evaluators: Record<string, JsonValue> = {},
): FullRollout | undefined {
  if (flag.state === 'DISABLED') return { variant: null }
  const targeting = resolveEvaluatorReferences(flag.targeting ?? {}, evaluators, new Set())
  if (!isJsonObject(targeting)) return undefined
  const operators = Object.keys(targeting)
  if (operators.length === 0) return { variant: flag.defaultVariant ?? null }
  const split = targeting.fractional
  if (operators.length > 1 || !Array.isArray(split)) return undefined
  // A leading non-array argument is the bucketing expression; a bucket without a weight weighs 1.
  const served = new Set(
    split.flatMap((bucket) => {
      if (!Array.isArray(bucket)) return []
      const [variant, weight = 1] = bucket
      return typeof variant === 'string' && typeof weight === 'number' && weight > 0
        ? [variant]
        : []
    }),
  )
  const [variant] = served
  return served.size === 1 && variant !== undefined ? { variant } : undefined
}
