import type { JsonValue } from 'vexil/core'

const maxShownLength = 300

/** JSON text of a value, or undefined for one too deeply nested to serialise. */
export function toJsonText(value: unknown, indent?: number): string | undefined {
  try {
    return JSON.stringify(value, null, indent)
  } catch {
    return undefined
  }
}

/** A value as compact JSON for a table cell: shortened, and never throwing on odd data. */
export function formatValue(value: JsonValue | undefined): string {
  if (value === undefined) return '(code default)'
  const text = toJsonText(value) ?? '(too deeply nested to show)'
  return text.length > maxShownLength ? `${text.slice(0, maxShownLength)}…` : text
}

export function formatTime(time: number | undefined): string {
  return time === undefined ? 'never' : new Date(time).toLocaleTimeString()
}
