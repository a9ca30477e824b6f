import { isJsonObject } from './flagDefinition'
import type { JsonValue } from './flagDefinition'

/**
 * Replaces every `{ "$ref": "name" }` with the named `$evaluators` rule, as flagd does before it
 * compiles targeting. A reference to a missing rule is reported, not replaced.
 */
export function resolveEvaluatorReferences(
  rule: JsonValue,
  evaluators: Record<string, JsonValue>,
  missing: Set<string>,
  resolving: ReadonlySet<string> = new Set(),
): JsonValue {
  if (Array.isArray(rule)) {
    return rule.map((item) => resolveEvaluatorReferences(item, evaluators, missing, resolving))
  }
  if (!isJsonObject(rule)) return rule
  const keys = Object.keys(rule)
  const reference = rule.$ref
  if (keys.length === 1 && typeof reference === 'string') {
    const target = Object.hasOwn(evaluators, reference) ? evaluators[reference] : undefined
    if (target === undefined || resolving.has(reference)) {
      missing.add(reference)
      return rule
    }
    return resolveEvaluatorReferences(
      target,
      evaluators,
      missing,
      new Set([...resolving, reference]),
    )
  }
  return Object.fromEntries(
    keys.map((key) => [
      key,
      resolveEvaluatorReferences(rule[key] ?? null, evaluators, missing, resolving),
    ]),
  )
}
