/** Structural equality for JSON-shaped data; lets unchanged flags keep their identity. */
export function isEqualJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const aRecord = a as Record<string, unknown>
  const bRecord = b as Record<string, unknown>
  const keys = Object.keys(aRecord)
  if (keys.length !== Object.keys(bRecord).length) return false
  return keys.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(bRecord, key) && isEqualJson(aRecord[key], bRecord[key]),
  )
}
