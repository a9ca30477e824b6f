import type { CollectorEvent, CollectorMeta } from './CollectorEvent'

/** Browsers refuse a beacon or keepalive request whose body would pass 64 KiB. */
export const beaconBodyLimitBytes = 64 * 1_024

export interface PayloadBody {
  /** A serialised `CollectorPayload`. */
  body: string
  events: CollectorEvent[]
  /** The `droppedEvents` this body reports (only the first body reports any). */
  droppedEvents: number
}

/**
 * Serialises events into as few payloads as fit strictly under `limitBytes` each, counted in
 * UTF-8 bytes. An event too large for any body on its own is left out and returned in `oversized`.
 */
export function splitIntoBodies(
  events: readonly CollectorEvent[],
  meta: CollectorMeta,
  droppedEvents: number,
  limitBytes = beaconBodyLimitBytes,
): { bodies: PayloadBody[]; oversized: CollectorEvent[] } {
  const encoder = new TextEncoder()
  const byteLength = (text: string) => encoder.encode(text).byteLength
  const bodies: PayloadBody[] = []
  const oversized: CollectorEvent[] = []
  let current: { parts: string[]; events: CollectorEvent[]; bytes: number } | undefined
  let metaJson = ''
  let reported = 0

  const close = () => {
    if (current === undefined || current.parts.length === 0) return
    bodies.push({
      body: `{"events":[${current.parts.join(',')}],"meta":${metaJson}}`,
      events: current.events,
      droppedEvents: reported,
    })
    current = undefined
  }
  const open = () => {
    // The collector adds up `droppedEvents` per request, so only the first body may carry it.
    reported = bodies.length === 0 ? droppedEvents : 0
    metaJson = JSON.stringify(reported > 0 ? { ...meta, droppedEvents: reported } : meta)
    const envelope = byteLength(`{"events":[],"meta":${metaJson}}`)
    current = { parts: [], events: [], bytes: envelope }
    return current
  }

  for (const event of events) {
    const json = JSON.stringify(event)
    const bytes = byteLength(json)
    let body = current ?? open()
    // Each event after the first costs a comma.
    if (body.parts.length > 0 && body.bytes + 1 + bytes >= limitBytes) {
      close()
      body = open()
    }
    if (body.bytes + bytes >= limitBytes) {
      oversized.push(event)
      continue
    }
    body.bytes += (body.parts.length > 0 ? 1 : 0) + bytes
    body.parts.push(json)
    body.events.push(event)
  }
  close()
  return { bodies, oversized }
}
