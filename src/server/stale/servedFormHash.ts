import { isJsonObject } from '../flagDefinition'
import type { FlagDefinition, JsonValue } from '../flagDefinition'
import { hashText } from '../hashText'
import { resolveEvaluatorReferences } from '../resolveEvaluatorReferences'

/**
 * A digest of what a served flag gives users: state, variants, default variant and targeting
 * (with `$ref`s resolved). Metadata is left out, so editing an owner or a description does not
 * restart the "fully rolled out since" clock; key order is left out, so reformatting does not.
 */
export function servedFormHash(
  flag: FlagDefinition,
  evaluators: Record<string, JsonValue> = {},
): string {
  const form = {
    state: flag.state,
    variants: flag.variants,
    defaultVariant: flag.defaultVariant ?? null,
    targeting: resolveEvaluatorReferences(flag.targeting ?? {}, evaluators, new Set()),
  }
  return hashText(JSON.stringify(sortKeys(form)))
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (!isJsonObject(value)) return value
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key] ?? null)]),
  )
}
