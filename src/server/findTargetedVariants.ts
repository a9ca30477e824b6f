import { isJsonObject } from './flagDefinition'
import type { JsonValue } from './flagDefinition'

/**
 * The variant names a targeting rule can return as literals: the results of `if` (and `?:`)
 * branches and the buckets of `fractional`. Names computed at run time cannot be known here.
 */
export function findTargetedVariants(rule: JsonValue): Set<string> {
  const variants = new Set<string>()
  collect(rule, variants)
  return variants
}

function collect(result: JsonValue, variants: Set<string>): void {
  if (typeof result === 'string' || typeof result === 'boolean') {
    // flagd turns a non-null result into a variant name with toString().
    variants.add(String(result))
    return
  }
  if (!isJsonObject(result)) return
  const operators = Object.keys(result)
  if (operators.length !== 1) return
  const operator = operators[0] as string
  const args = result[operator]
  if (!Array.isArray(args)) return
  if (operator === 'if' || operator === '?:') {
    args.forEach((arg, index) => {
      const isLastElse = index === args.length - 1 && args.length % 2 === 1
      if (index % 2 === 1 || isLastElse) collect(arg, variants)
    })
  } else if (operator === 'fractional') {
    for (const bucket of args) {
      if (Array.isArray(bucket) && typeof bucket[0] === 'string') variants.add(bucket[0])
    }
  }
}
