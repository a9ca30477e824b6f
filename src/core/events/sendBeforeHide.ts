import type { HeadersOption } from '../options'
import { warnOnce } from '../warnOnce'
import type { CollectorMeta } from './CollectorEvent'
import type { Outbox } from './createOutbox'
import { postEvents } from './postEvents'
import { splitIntoBodies } from './splitIntoBodies'

/** `navigator.sendBeacon`'s shape: true when the browser queued the body for delivery. */
export type SendBeacon = (url: string, body: string) => boolean

export interface HideFlush {
  url: string
  meta: CollectorMeta
  headers: HeadersOption | undefined
  fetch: typeof fetch | undefined
  timeoutMs: number
  outbox: Outbox
  sendBeacon: SendBeacon | undefined
  /** Called when a keepalive fallback settles, so what it left behind can be scheduled. */
  onSettled: () => void
}

// A CORS-safelisted type: the browser sends it without a preflight, which a page being hidden
// might not live to see.
const textPlain = 'text/plain;charset=UTF-8'

/**
 * Sends every waiting event while the page is being hidden, in bodies under 64 KiB: by beacon,
 * else by `fetch` with `keepalive`. A beacon cannot carry headers, so with `headers` configured
 * the keepalive fetch is used at once. Events leave the outbox only once a beacon was accepted
 * or a collector answered 2xx; the rest are sent again later, on this page or the next.
 */
export function sendBeforeHide(flush: HideFlush): void {
  const { outbox } = flush
  try {
    const waiting = outbox.waiting()
    if (waiting.length === 0) return
    const dropped = outbox.dropped()
    const { bodies } = splitIntoBodies(waiting, flush.meta, dropped)
    const beacon = flush.headers === undefined ? resolveBeacon(flush.sendBeacon) : undefined
    for (const { body, events, droppedEvents } of bodies) {
      outbox.claim(events)
      if (beacon !== undefined && accepted(beacon, flush.url, body)) {
        outbox.remove(events)
        outbox.acknowledgeDropped(droppedEvents)
        continue
      }
      void postEvents({
        url: flush.url,
        headers: flush.headers,
        fetch: flush.fetch,
        timeoutMs: flush.timeoutMs,
        body,
        contentType: flush.headers === undefined ? textPlain : 'application/json',
        keepalive: true,
      }).then((result) => {
        if (result.kind === 'failed') outbox.release(events)
        else outbox.remove(events)
        if (result.kind === 'sent') outbox.acknowledgeDropped(droppedEvents)
        if (result.kind === 'refused') warnOnce(result.message)
        flush.onSettled()
      })
    }
  } finally {
    // The page may be gone before the end of this task.
    outbox.persistNow()
  }
}

function resolveBeacon(option: SendBeacon | undefined): SendBeacon | undefined {
  if (option !== undefined) return option
  if (typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function')
    return undefined
  // Bound: sendBeacon throws when called with any `this` but the navigator.
  return navigator.sendBeacon.bind(navigator)
}

function accepted(beacon: SendBeacon, url: string, body: string): boolean {
  try {
    return beacon(url, body) === true
  } catch {
    // Browsers throw for a URL they will not beacon to; the fetch fallback reports why.
    return false
  }
}
