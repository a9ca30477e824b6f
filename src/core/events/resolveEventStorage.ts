import { warnOnce } from '../warnOnce'

/** The part of the Web Storage API the outbox uses; `localStorage` fits, and so does a test double. */
export interface EventStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/**
 * The storage the outbox persists to: the one passed in, else `localStorage` when it works here.
 * `undefined` means memory only.
 */
export function resolveEventStorage(
  option: EventStorage | null | undefined,
): EventStorage | undefined {
  if (option !== undefined) return option ?? undefined
  try {
    const { localStorage } = globalThis
    if (localStorage === undefined) return undefined
    // Private browsing and sandboxed frames may expose localStorage and then throw when it is used.
    const probe = 'vexil:probe'
    localStorage.setItem(probe, probe)
    localStorage.removeItem(probe)
    return localStorage
  } catch (cause) {
    warnOnce(storageWarning(cause))
    return undefined
  }
}

export function storageWarning(cause: unknown): string {
  const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
  return `storage is not usable for the event outbox (${reason}); events are kept in memory only, so a reload before they are sent loses them.`
}
