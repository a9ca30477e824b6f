/** Whether a value survives JSON as itself: no functions, undefined, NaN, Infinity or cycles. */
export function isJsonValue(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (typeof value !== 'object' || seen.has(value)) return false
  seen.add(value)
  const items = Array.isArray(value) ? value : Object.values(value)
  const plain = Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype
  const valid = plain && items.every((item) => isJsonValue(item, seen))
  seen.delete(value)
  return valid
}
