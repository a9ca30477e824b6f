// @vitest-environment jsdom
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import type { CollectorPayload } from '../../../src/core/events/CollectorEvent'
import { createEventQueue } from '../../../src/core/events/createEventQueue'
import type { EventQueue, EventQueueOptions } from '../../../src/core/events/createEventQueue'
import { toTrackingEvent } from '../../../src/core/events/toTrackingEvent'
import { collectorUrl, createMemoryStorage, serveCollector } from './collector'

const queues: EventQueue[] = []
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  queues.splice(0).forEach((queue) => queue.close())
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** Stands in for navigator.sendBeacon, recording each body it was handed. */
function fakeBeacon(accept: boolean) {
  const beacons: { url: string; body: string }[] = []
  const sendBeacon = vi.fn((url: string, body: string) => {
    beacons.push({ url, body })
    return accept
  })
  return { sendBeacon, beacons }
}

function startQueue(options: Partial<EventQueueOptions>) {
  const queue = createEventQueue({
    url: collectorUrl,
    storageKey: 'vexil:events',
    storage: null,
    ...options,
  })
  queues.push(queue)
  queue.start()
  return queue
}

/** A conversion of about 1 KiB, so a few hundred of them need several beacons. */
function conversion(index: number) {
  return toTrackingEvent({
    name: 'checkout-completed',
    details: { value: index, note: `order ${index} `.padEnd(900, '.') },
    context: { targetingKey: 'user-1', plan: 'pro' },
  })
}

const conversions = (count: number) =>
  Array.from({ length: count }, (_, index) => conversion(index))
const bytesOf = (text: string) => new TextEncoder().encode(text).byteLength
const hidePage = () => window.dispatchEvent(new Event('pagehide'))

test('pagehide sends everything waiting by beacon, in text/plain bodies under 64 KiB', async () => {
  const collector = serveCollector()
  const { sendBeacon, beacons } = fakeBeacon(true)
  const queue = startQueue({ sendBeacon, batchSize: 1_000 })
  const sent = conversions(200)
  sent.forEach(queue.enqueue)
  hidePage()

  expect(beacons.length).toBeGreaterThan(1)
  for (const { url, body } of beacons) {
    expect(url).toBe(collectorUrl)
    expect(typeof body).toBe('string')
    expect(bytesOf(body)).toBeLessThan(64 * 1_024)
  }
  const payloads = beacons.map(({ body }) => JSON.parse(body) as CollectorPayload)
  expect(payloads.flatMap((payload) => payload.events)).toEqual(sent)
  // Accepted beacons are delivered: nothing is sent again afterwards.
  await vi.advanceTimersByTimeAsync(60_000)
  expect(collector.batches).toHaveLength(0)
})

test('visibilitychange to hidden flushes by beacon too', () => {
  const { sendBeacon, beacons } = fakeBeacon(true)
  const queue = startQueue({ sendBeacon })
  queue.enqueue(conversion(1))
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
  document.dispatchEvent(new Event('visibilitychange'))
  expect(beacons).toHaveLength(1)
})

test('visibilitychange to visible sends nothing', () => {
  const { sendBeacon } = fakeBeacon(true)
  const queue = startQueue({ sendBeacon })
  queue.enqueue(conversion(1))
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible')
  document.dispatchEvent(new Event('visibilitychange'))
  expect(sendBeacon).not.toHaveBeenCalled()
})

test('hiding twice (visibilitychange then pagehide) sends each event once', () => {
  const { sendBeacon, beacons } = fakeBeacon(true)
  const queue = startQueue({ sendBeacon })
  queue.enqueue(conversion(1))
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
  document.dispatchEvent(new Event('visibilitychange'))
  hidePage()
  expect(beacons).toHaveLength(1)
})

test('a refused beacon falls back to fetch with keepalive, text/plain and the same body', async () => {
  const collector = serveCollector()
  const { sendBeacon, beacons } = fakeBeacon(false)
  const queue = startQueue({ sendBeacon, batchSize: 1_000 })
  const sent = conversions(120)
  sent.forEach(queue.enqueue)
  hidePage()
  await vi.advanceTimersByTimeAsync(0)

  expect(collector.batches.map((batch) => batch.payload)).toEqual(
    beacons.map(({ body }) => JSON.parse(body)),
  )
  for (const batch of collector.batches) {
    expect(batch.keepalive).toBe(true)
    expect(batch.contentType).toBe('text/plain;charset=UTF-8')
    expect(bytesOf(JSON.stringify(batch.payload))).toBeLessThan(64 * 1_024)
  }
  expect(collector.delivered()).toEqual(sent)
})

test('events whose beacon was refused and whose fallback failed wait in storage for the next page', async () => {
  serveCollector(() => Response.error())
  const { storage } = createMemoryStorage()
  const { sendBeacon } = fakeBeacon(false)
  const queue = startQueue({ sendBeacon, storage })
  const event = conversion(1)
  queue.enqueue(event)
  hidePage()
  await vi.advanceTimersByTimeAsync(0)
  queue.close()

  const collector = serveCollector()
  startQueue({ storage })
  await vi.advanceTimersByTimeAsync(2_000)
  expect(collector.delivered()).toEqual([event])
})

test('with headers configured, page hide uses fetch keepalive so the headers are sent', async () => {
  const collector = serveCollector()
  const { sendBeacon } = fakeBeacon(true)
  const queue = startQueue({ sendBeacon, headers: { 'X-API-Key': 'secret' } })
  queue.enqueue(conversion(1))
  hidePage()
  await vi.advanceTimersByTimeAsync(0)
  expect(sendBeacon).not.toHaveBeenCalled()
  expect(collector.batches).toHaveLength(1)
  expect(collector.batches[0]?.keepalive).toBe(true)
  expect(collector.batches[0]?.headers.get('X-API-Key')).toBe('secret')
})

test('close removes the page-hide listeners', () => {
  const { sendBeacon } = fakeBeacon(true)
  const queue = startQueue({ sendBeacon })
  queue.enqueue(conversion(1))
  queue.close()
  hidePage()
  expect(sendBeacon).not.toHaveBeenCalled()
})

test('by default uses navigator.sendBeacon, called on the navigator', () => {
  const bodies: string[] = []
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: function sendBeacon(this: unknown, _url: string, body: string) {
      if (this !== navigator) throw new TypeError('Illegal invocation')
      bodies.push(body)
      return true
    },
  })
  try {
    const queue = startQueue({})
    queue.enqueue(conversion(1))
    hidePage()
    expect(bodies).toHaveLength(1)
  } finally {
    Reflect.deleteProperty(navigator, 'sendBeacon')
  }
})
