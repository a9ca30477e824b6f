export interface Backoff {
  /** The wait before the next retry; each call doubles the ceiling up to the cap. */
  next(): number
  reset(): void
}

/**
 * Exponential backoff with full jitter: the n-th retry waits a random time below
 * min(capMs, baseMs * 2^n), so many clients that failed together do not retry together.
 */
export function createBackoff({
  baseMs = 1_000,
  capMs = 60_000,
  random = Math.random,
}: { baseMs?: number; capMs?: number; random?: () => number } = {}): Backoff {
  let attempt = 0
  return {
    next() {
      const ceiling = Math.min(capMs, baseMs * 2 ** attempt)
      attempt += 1
      return Math.round(random() * ceiling)
    },
    reset() {
      attempt = 0
    },
  }
}
