import type { JsonValue } from './types'

export type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null'

export function jsonType(value: JsonValue): JsonType {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value as 'string' | 'number' | 'boolean' | 'object'
}
