import type { FlagValue } from 'vexil/core'

/** `{ variant, value }` (exactly those two keys) names a variant, as with the real client. */
export function readTestOverride(
  key: string,
  override: FlagValue | { variant: string; value: FlagValue },
): { variant?: string; value: FlagValue } {
  const { variant, value } = isVariantOverride(override)
    ? override
    : { variant: undefined, value: override }
  if (typeof key !== 'string' || key === '') {
    throw new TypeError('[vexil] setOverride: the flag key must be a non-empty string.')
  }
  if (value === null || value === undefined || typeof value === 'function') {
    throw new TypeError(`[vexil] setOverride: the value for "${key}" must be a JSON flag value.`)
  }
  return variant === undefined ? { value } : { variant, value }
}

function isVariantOverride(override: unknown): override is { variant: string; value: FlagValue } {
  if (typeof override !== 'object' || override === null || Array.isArray(override)) return false
  return Object.keys(override).length === 2 && 'variant' in override && 'value' in override
}
