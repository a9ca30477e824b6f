import { isJsonValue } from '../isJsonValue'
import type { FlagValue } from '../types'

/**
 * Checks an override before anything is queued or stored, so a bad value is refused at the call
 * that made it. `{ variant, value }` (exactly those two keys) names a variant; anything else is a value.
 */
export function readOverride(
  key: unknown,
  override: unknown,
): { variant: string | undefined; value: FlagValue } {
  const { variant, value } = isVariantOverride(override)
    ? override
    : { variant: undefined, value: override }
  if (typeof key !== 'string' || key === '') {
    throw new TypeError('[vexil] setOverride: the flag key must be a non-empty string.')
  }
  if (!isJsonValue(value) || value === null) {
    throw new TypeError(
      `[vexil] setOverride: the value for "${key}" must be a boolean, string, number, object or array of JSON.`,
    )
  }
  return { variant, value: value as FlagValue }
}

function isVariantOverride(override: unknown): override is { variant: string; value: unknown } {
  if (typeof override !== 'object' || override === null || Array.isArray(override)) return false
  return (
    Object.keys(override).length === 2 &&
    typeof (override as { variant?: unknown }).variant === 'string' &&
    'value' in override
  )
}
