import { isJsonObject } from '../flagDefinition'
import type { FlagDefinition, JsonObject, JsonValue } from '../flagDefinition'
import { resolveEvaluatorReferences } from '../resolveEvaluatorReferences'
import type { RolloutSplit } from './RolloutPlan'

/**
 * The flag as a rollout serves it. Every `fractional` in its targeting gets the split's buckets
 * (keeping a leading bucketing expression); targeting without one becomes the split. The flag is
 * unchanged when the split names a variant it no longer has.
 */
export function applyRolloutSplit(
  definition: FlagDefinition,
  split: RolloutSplit,
  evaluators: Record<string, JsonValue>,
): FlagDefinition {
  if (!Object.hasOwn(definition.variants, split.variant)) return definition
  if (!Object.hasOwn(definition.variants, split.control)) return definition
  const buckets = rolloutBuckets(split)
  // References are inlined first, so a fractional kept in `$evaluators` is found too.
  const targeting = resolveEvaluatorReferences(definition.targeting ?? {}, evaluators, new Set())
  const replaced = { found: false }
  const rewritten = replaceFractionalBuckets(targeting, buckets, replaced)
  return {
    ...definition,
    targeting: replaced.found && isJsonObject(rewritten) ? rewritten : { fractional: buckets },
    metadata: { ...definition.metadata, ...split.metadata },
  }
}

/**
 * flagd's `fractional` hashes each user into buckets 0..99 and walks the buckets in order, so
 * with the treatment first a user in it at 5 % is still in it at 25 %. Zero weights are avoided:
 * 0 % and 100 % are a single bucket.
 */
export function rolloutBuckets({ variant, control, percent }: RolloutSplit): JsonValue[] {
  if (percent <= 0) return [[control, 100]]
  if (percent >= 100) return [[variant, 100]]
  return [
    [variant, percent],
    [control, 100 - percent],
  ]
}

function replaceFractionalBuckets(
  rule: JsonValue,
  buckets: JsonValue[],
  replaced: { found: boolean },
): JsonValue {
  if (Array.isArray(rule))
    return rule.map((item) => replaceFractionalBuckets(item, buckets, replaced))
  if (!isJsonObject(rule)) return rule
  const result: JsonObject = {}
  for (const [operator, args] of Object.entries(rule)) {
    if (operator === 'fractional' && Array.isArray(args)) {
      replaced.found = true
      // A first argument that is not a bucket is the expression users are bucketed by.
      const bucketBy = args.length > 0 && !Array.isArray(args[0]) ? [args[0] as JsonValue] : []
      result[operator] = [...bucketBy, ...buckets]
    } else {
      result[operator] = replaceFractionalBuckets(args, buckets, replaced)
    }
  }
  return result
}
