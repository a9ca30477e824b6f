import { isJsonObject } from '../flagDefinition'
import type { JsonObject, JsonValue } from '../flagDefinition'

/**
 * The TypeScript type of a flag whose variants hold `values`. A string flag can only return one of
 * its variants' strings, so it gets their literals; values nested in objects and arrays are typed
 * by structure, with objects merged into one type whose properties missing somewhere are optional.
 */
export function flagValueType(values: readonly JsonValue[]): string {
  return typeMembers(values, true).join(' | ') || 'never'
}

/** A property name as TypeScript accepts it: bare when an identifier, else quoted. */
export function propertyName(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key)
}

/** A single-quoted TypeScript string literal, escaped as `JSON.stringify` escapes. */
export function quote(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")
  return `'${escaped}'`
}

function typeMembers(values: readonly JsonValue[], literalStrings: boolean): string[] {
  const members = new Set<string>()
  const objects: JsonObject[] = []
  const arrays: JsonValue[][] = []
  for (const value of values) {
    if (value === null) members.add('null')
    else if (Array.isArray(value)) arrays.push(value)
    else if (isJsonObject(value)) objects.push(value)
    else if (typeof value === 'string') members.add(literalStrings ? quote(value) : 'string')
    else members.add(typeof value)
  }
  if (objects.length > 0) members.add(objectType(objects))
  if (arrays.length > 0) members.add(arrayType(arrays.flat()))
  return [...members]
}

function objectType(objects: readonly JsonObject[]): string {
  const keys = [...new Set(objects.flatMap((object) => Object.keys(object)))]
  if (keys.length === 0) return 'Record<string, never>'
  const properties = keys.map((key) => {
    const present = objects.filter((object) => Object.hasOwn(object, key))
    const optional = present.length < objects.length ? '?' : ''
    const type = typeMembers(
      present.map((object) => object[key] ?? null),
      false,
    ).join(' | ')
    return `${propertyName(key)}${optional}: ${type}`
  })
  return `{ ${properties.join('; ')} }`
}

function arrayType(elements: readonly JsonValue[]): string {
  const members = typeMembers(elements, false)
  if (members.length === 0) return 'never[]'
  return members.length === 1 ? `${members[0]}[]` : `(${members.join(' | ')})[]`
}
