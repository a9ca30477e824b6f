/**
 * Counts reader renders and timestamps commits: a reader calls `rendered()` in its body and
 * `committed(key)` in a layout effect, so the time is taken when React commits the change.
 */
export function createCommitProbe() {
  let renders = 0
  let notifiedAt = Number.NaN
  let waiting: { key: string; resolve: (time: number) => void } | undefined
  return {
    get renders() {
      return renders
    },
    get notifiedAt() {
      return notifiedAt
    },
    rendered() {
      renders += 1
    },
    /** The store told its subscribers about a change (called by the first subscriber). */
    notified() {
      notifiedAt = performance.now()
    },
    committed(key: string) {
      if (waiting?.key !== key) return
      waiting.resolve(performance.now())
      waiting = undefined
    },
    /** Resets the counts and resolves with the time `key`'s reader commits its next value. */
    expect(key: string, timeoutMs = 5_000): Promise<number> {
      renders = 0
      notifiedAt = Number.NaN
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the reader of "${key}" did not commit within ${timeoutMs} ms`)),
          timeoutMs,
        )
        waiting = {
          key,
          resolve: (time) => {
            clearTimeout(timer)
            resolve(time)
          },
        }
      })
    },
  }
}

export type CommitProbe = ReturnType<typeof createCommitProbe>
