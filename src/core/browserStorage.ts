import type { StorageLike } from './flagCache'

/** `localStorage` where the host has one that can be used; some browsers throw on access. */
export function browserStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined
  } catch {
    return undefined
  }
}
