import type { StorageLike } from 'vexil/core'

/** A Storage over a Map, so each test owns its own persisted state. */
export function memoryStorage(entries: Record<string, string> = {}) {
  const items = new Map(Object.entries(entries))
  const storage: StorageLike = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
  return { storage, items }
}
