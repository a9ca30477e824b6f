import type { FlagValue } from '../types'

/**
 * Reads `key:value,…`: values are JSON when they parse as JSON, bare strings otherwise. Entries
 * that cannot be read are returned separately so the caller can say which were skipped.
 */
export function parseOverrideParam(text: string): {
  overrides: Record<string, FlagValue>
  skipped: string[]
} {
  const overrides: Record<string, FlagValue> = Object.create(null)
  const skipped: string[] = []
  for (const entry of splitTopLevel(text)) {
    const separator = entry.indexOf(':')
    const key = entry.slice(0, separator).trim()
    const value = separator > 0 ? parseOverrideValue(entry.slice(separator + 1).trim()) : undefined
    if (key === '' || value === undefined) skipped.push(entry)
    else overrides[key] = value
  }
  return { overrides, skipped }
}

function parseOverrideValue(raw: string): FlagValue | undefined {
  if (raw === '') return undefined
  try {
    const value: unknown = JSON.parse(raw)
    return value === null ? undefined : (value as FlagValue)
  } catch {
    // Something that starts like JSON but does not parse is a typo, not a string.
    return /^[{["]/.test(raw) ? undefined : raw
  }
}

/** Splits on commas outside JSON objects, arrays and strings. */
function splitTopLevel(text: string): string[] {
  const entries: string[] = []
  let depth = 0
  let inString = false
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (inString) {
      if (char === '\\') index++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{' || char === '[') depth++
    else if (char === '}' || char === ']') depth--
    else if (char === ',' && depth === 0) {
      entries.push(text.slice(start, index))
      start = index + 1
    }
  }
  entries.push(text.slice(start))
  return entries.filter((entry) => entry.trim() !== '')
}
