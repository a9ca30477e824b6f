import type { FlagValue } from '../types'

/**
 * The value of the `vexil` URL parameter for a set of overrides, e.g.
 * `new-checkout:true,theme:dark,limits:{"max":3}`. Strings stay bare unless they would read as
 * another type.
 */
export function formatOverrideParam(overrides: Readonly<Record<string, FlagValue>>): string {
  return Object.entries(overrides)
    .map(([key, value]) => `${key}:${formatValue(value)}`)
    .join(',')
}

function formatValue(value: FlagValue): string {
  return typeof value === 'string' && readsAsItself(value) ? value : JSON.stringify(value)
}

/** Whether a bare string would be read back as the same string (not JSON, no separators). */
function readsAsItself(value: string): boolean {
  if (value === '' || /[,{}[\]"]/.test(value)) return false
  try {
    JSON.parse(value)
    return false
  } catch {
    return true
  }
}
