import type { EvaluatedFlag, JsonValue } from 'vexil/core'

export interface VariantChoice {
  name: string
  /** The value this variant serves, when it has been seen; the service only names the others. */
  value?: JsonValue
}

/**
 * The variants to offer for a flag: the names the service lists in `metadata.variants` (a JSON
 * array, or its JSON text as `vexil dev` and OFREP metadata carry it) and every variant seen.
 */
export function variantsOf(
  flag: EvaluatedFlag | undefined,
  seen: ReadonlyMap<string, JsonValue> | undefined,
): VariantChoice[] {
  const names = new Set(namesFromMetadata(flag?.metadata?.variants))
  seen?.forEach((_value, name) => names.add(name))
  return [...names].map((name) => (seen?.has(name) ? { name, value: seen.get(name) } : { name }))
}

function namesFromMetadata(listed: JsonValue | undefined): string[] {
  let names: unknown = listed
  if (typeof listed === 'string') {
    try {
      names = JSON.parse(listed)
    } catch {
      return []
    }
  }
  return Array.isArray(names) ? names.filter((name) => typeof name === 'string') : []
}
