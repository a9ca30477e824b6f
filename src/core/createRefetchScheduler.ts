import type { Backoff } from './backoff'
import type { RefetchNotice } from './fetchBulkEvaluation'

/** What one bulk request should look like. */
export interface RefetchRequest {
  /** Send `If-None-Match`; false after a long absence, when only a full answer can be trusted. */
  conditional: boolean
  notice: RefetchNotice | undefined
}

export interface RefetchTrigger {
  /** Abort the request in flight: its answer is for a context that is no longer wanted. */
  supersede?: boolean
  /** Ignore the retry backoff (a user asked, the context changed, the network came back). */
  bypassBackoff?: boolean
  /** Made by a timer or an event rather than a caller: skipped after a fatal error. */
  automatic?: boolean
  conditional?: boolean
  notice?: RefetchNotice
}

export type RefetchOutcome =
  | { kind: 'done' }
  | { kind: 'aborted' }
  | { kind: 'retry'; retryAfterMs?: number; rateLimited: boolean }
  | { kind: 'fatal' }

export interface RefetchScheduler {
  /** Asks for a refetch; resolves once a request started at or after this call has settled. */
  trigger(trigger: RefetchTrigger): Promise<void>
  /** Holds requests back (offline) until `resume`. */
  pause(): void
  resume(): void
  /** Aborts everything and resolves every waiting caller. */
  stop(): void
}

interface Pending extends RefetchRequest {
  bypassBackoff: boolean
  waiters: (() => void)[]
}

/**
 * Runs at most one bulk request at a time. Triggers that arrive while one is in flight coalesce
 * into a single follow-up, so a burst of change notices costs one request. Failures are retried
 * with backoff, a 429 holds every request until its `Retry-After`, a fatal error stops automatic
 * requests until a caller asks again.
 */
export function createRefetchScheduler({
  perform,
  backoff,
}: {
  perform: (request: RefetchRequest, signal: AbortSignal) => Promise<RefetchOutcome>
  backoff: Backoff
}): RefetchScheduler {
  let pending: Pending | undefined
  let inFlight: { controller: AbortController; waiters: (() => void)[] } | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let retryAt = 0
  let rateLimitedUntil = 0
  let halted = false
  let paused = false

  function pump(): void {
    clearTimeout(timer)
    timer = undefined
    if (pending === undefined || inFlight !== undefined || paused) return
    const now = Date.now()
    const runAt = Math.max(rateLimitedUntil, pending.bypassBackoff ? 0 : retryAt)
    if (runAt > now) {
      timer = setTimeout(pump, runAt - now)
      return
    }
    const request = pending
    pending = undefined
    const controller = new AbortController()
    const current = { controller, waiters: request.waiters }
    inFlight = current
    void perform(request, controller.signal).then((outcome) => settle(current, request, outcome))
  }

  function settle(current: typeof inFlight & {}, request: Pending, outcome: RefetchOutcome): void {
    if (inFlight !== current) return // superseded: its waiters were handed to the next request
    inFlight = undefined
    if (outcome.kind === 'done') {
      backoff.reset()
      retryAt = 0
    } else if (outcome.kind === 'fatal') {
      halted = true
    } else if (outcome.kind === 'retry') {
      const delay = Math.max(backoff.next(), outcome.retryAfterMs ?? 0)
      retryAt = Date.now() + delay
      if (outcome.rateLimited) rateLimitedUntil = retryAt
      enqueue({ conditional: request.conditional, notice: request.notice, bypassBackoff: false })
    }
    current.waiters.forEach((resolve) => resolve())
    pump()
  }

  function enqueue(request: Omit<Pending, 'waiters'>, waiter?: () => void): void {
    if (pending === undefined) {
      pending = { ...request, waiters: [] }
    } else {
      pending.conditional &&= request.conditional
      pending.notice = request.notice ?? pending.notice
      pending.bypassBackoff ||= request.bypassBackoff
    }
    if (waiter) pending.waiters.push(waiter)
  }

  return {
    trigger(trigger) {
      if (trigger.automatic && halted) return Promise.resolve()
      if (!trigger.automatic) halted = false
      return new Promise<void>((resolve) => {
        if (trigger.supersede && inFlight !== undefined) {
          const superseded = inFlight
          inFlight = undefined
          superseded.controller.abort()
          superseded.waiters.forEach((waiter) => enqueue(pendingDefaults, waiter))
        }
        enqueue(
          {
            conditional: trigger.conditional ?? true,
            notice: trigger.notice,
            bypassBackoff: trigger.bypassBackoff ?? false,
          },
          resolve,
        )
        pump()
      })
    },
    pause() {
      paused = true
    },
    resume() {
      paused = false
      pump()
    },
    stop() {
      clearTimeout(timer)
      timer = undefined
      inFlight?.controller.abort()
      const waiters = [...(inFlight?.waiters ?? []), ...(pending?.waiters ?? [])]
      inFlight = undefined
      pending = undefined
      waiters.forEach((resolve) => resolve())
    },
  }
}

const pendingDefaults = { conditional: true, notice: undefined, bypassBackoff: true }
