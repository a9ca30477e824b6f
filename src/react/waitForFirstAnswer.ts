import type { FlagClient, FlagClientState } from 'vexil/core'

interface Wait {
  promise: Promise<void>
  settled: boolean
}

const waits = new WeakMap<FlagClient, Wait>()

/** Whether there is anything to render for the current context: an answer, a cache or a failure. */
export function hasFirstAnswer(state: FlagClientState): boolean {
  return state.syncedAt !== undefined || state.status === 'error' || state.status === 'stale'
}

/**
 * One promise per client that settles at the first answer, or after `timeoutMs` so a service that is
 * down shows defaults instead of a fallback forever. Once settled it never suspends again.
 */
export function waitForFirstAnswer(client: FlagClient, timeoutMs: number): Wait {
  let wait = waits.get(client)
  if (wait === undefined) {
    let resolve!: () => void
    const created: Wait = { promise: new Promise<void>((done) => (resolve = done)), settled: false }
    const settle = () => {
      created.settled = true
      unsubscribe()
      clearTimeout(timer)
      resolve()
    }
    const unsubscribe = client.subscribe((state) => {
      if (hasFirstAnswer(state)) settle()
    })
    const timer = setTimeout(settle, timeoutMs)
    wait = created
    waits.set(client, wait)
    if (hasFirstAnswer(client.getState())) settle()
  }
  return wait
}
