import { HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import type { CollectorEvent } from '../../../src/core/events/CollectorEvent'
import { createEventQueue } from '../../../src/core/events/createEventQueue'
import type { EventQueue, EventQueueOptions } from '../../../src/core/events/createEventQueue'
import { toFeatureEvent } from '../../../src/core/events/toFeatureEvent'
import { toTrackingEvent } from '../../../src/core/events/toTrackingEvent'
import { collectorUrl, createMemoryStorage, serveCollector } from './collector'

const queues: EventQueue[] = []
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  // The largest jitter: every retry waits its full backoff ceiling.
  vi.spyOn(Math, 'random').mockReturnValue(1)
})
afterEach(() => {
  queues.splice(0).forEach((queue) => queue.close())
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function startQueue(options: Partial<EventQueueOptions> = {}) {
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

function exposure(index: number) {
  return toFeatureEvent({
    key: `flag-${index}`,
    value: true,
    variant: 'on',
    isDefault: false,
    context: { targetingKey: 'user-1' },
  })
}

const exposures = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => exposure(from + index))

const idsOf = (events: readonly CollectorEvent[]) => events.map((event) => event.id)

/** Lets msw answer requests already made, without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0)

describe('batching', () => {
  test('sends a batch as soon as batchSize events are waiting', async () => {
    const collector = serveCollector()
    const queue = startQueue({ batchSize: 3 })
    exposures(3).forEach(queue.enqueue)
    await settle()
    expect(collector.batches).toHaveLength(1)
    expect(collector.batches[0]?.payload.events).toHaveLength(3)
  })

  test('sends what is waiting flushIntervalMs after the first waiting event', async () => {
    const collector = serveCollector()
    const queue = startQueue({ flushIntervalMs: 2_000 })
    queue.enqueue(exposure(1))
    await vi.advanceTimersByTimeAsync(1_000)
    queue.enqueue(exposure(2))
    await vi.advanceTimersByTimeAsync(999)
    expect(collector.batches).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(collector.batches).toHaveLength(1)
    expect(collector.batches[0]?.payload.events).toHaveLength(2)
  })

  test('sends nothing before start, then everything waiting once started', async () => {
    const collector = serveCollector()
    const queue = createEventQueue({ url: collectorUrl, storageKey: 'k', storage: null })
    queues.push(queue)
    exposures(2).forEach(queue.enqueue)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(collector.batches).toHaveLength(0)
    queue.start()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(collector.delivered()).toHaveLength(2)
  })

  test('100 distinct exposures reach the collector in 2 requests with the default batch size', async () => {
    const collector = serveCollector()
    const queue = startQueue()
    const sent = exposures(100)
    sent.forEach(queue.enqueue)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(collector.batches.length).toBeLessThanOrEqual(3)
    expect(collector.batches.map((batch) => batch.payload.events.length)).toEqual([50, 50])
    expect(idsOf(collector.delivered())).toEqual(idsOf(sent))
  })

  test('a burst of 10,000 events is either delivered or counted as dropped, in 20 requests', async () => {
    const collector = serveCollector()
    const queue = startQueue()
    exposures(10_000).forEach(queue.enqueue)
    await vi.advanceTimersByTimeAsync(2_000)
    // The first 50 leave at once and stay in the 1,000-event outbox until confirmed, so the
    // newest 950 of the other 9,950 are kept and 9,000 are dropped.
    const reported = collector.batches.reduce(
      (sum, batch) => sum + Number(batch.payload.meta.droppedEvents ?? 0),
      0,
    )
    expect(collector.batches).toHaveLength(20)
    expect(collector.delivered().length + reported).toBe(10_000)
    expect(reported).toBe(9_000)
  })

  test('flush sends everything waiting at once, batch after batch', async () => {
    const collector = serveCollector()
    const queue = startQueue({ batchSize: 4 })
    exposures(10).forEach(queue.enqueue)
    await queue.flush()
    expect(collector.batches.map((batch) => batch.payload.events.length)).toEqual([4, 4, 2])
  })

  test('close stops the interval: nothing is sent until the next start', async () => {
    const collector = serveCollector()
    const queue = startQueue()
    queue.enqueue(exposure(1))
    queue.close()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(collector.batches).toHaveLength(0)
    queue.start()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(collector.batches).toHaveLength(1)
  })
})

describe('the HTTP sink', () => {
  test('posts the GO Feature Flag data-collector body as JSON', async () => {
    const collector = serveCollector()
    const queue = startQueue({ meta: { app: 'shop' } })
    const feature = exposure(1)
    const tracking = toTrackingEvent({
      name: 'checkout-completed',
      details: { value: 99 },
      context: { targetingKey: 'user-1' },
    })
    queue.enqueue(feature)
    queue.enqueue(tracking)
    await queue.flush()
    expect(collector.batches[0]?.contentType).toBe('application/json')
    expect(collector.batches[0]?.payload).toEqual({
      events: [feature, tracking],
      meta: { app: 'shop' },
    })
    expect(collector.batches[0]?.payload.events[0]).toEqual({
      id: feature.id,
      kind: 'feature',
      contextKind: 'user',
      userKey: 'user-1',
      creationDate: expect.any(Number),
      key: 'flag-1',
      variation: 'on',
      value: true,
      default: false,
      source: 'PROVIDER_CACHE',
    })
  })

  test('sends the headers option, calling a headers function per request', async () => {
    const collector = serveCollector()
    let token = 'first'
    const queue = startQueue({
      batchSize: 1,
      headers: () => ({ Authorization: `Bearer ${token}` }),
    })
    queue.enqueue(exposure(1))
    await settle()
    token = 'second'
    queue.enqueue(exposure(2))
    await settle()
    expect(collector.batches.map((batch) => batch.headers.get('Authorization'))).toEqual([
      'Bearer first',
      'Bearer second',
    ])
  })
})

describe('a failing collector', () => {
  test('keeps the events and delivers them with backoff once it recovers', async () => {
    let down = true
    const collector = serveCollector(() =>
      down ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({}),
    )
    const queue = startQueue({ batchSize: 2 })
    const sent = exposures(2)
    sent.forEach(queue.enqueue)
    await settle()
    expect(collector.batches).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(collector.batches).toHaveLength(2)
    down = false
    await vi.advanceTimersByTimeAsync(2_000)
    expect(collector.batches).toHaveLength(3)
    expect(idsOf(collector.delivered())).toEqual(idsOf(sent))
  })

  test('a network failure is retried', async () => {
    let down = true
    const collector = serveCollector(() => (down ? HttpResponse.error() : HttpResponse.json({})))
    const queue = startQueue({ batchSize: 1 })
    queue.enqueue(exposure(1))
    await settle()
    down = false
    await vi.advanceTimersByTimeAsync(1_000)
    expect(collector.delivered()).toHaveLength(1)
  })

  test('waits for Retry-After on a 429', async () => {
    let limited = true
    const collector = serveCollector(() =>
      limited
        ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '30' } })
        : HttpResponse.json({}),
    )
    const queue = startQueue({ batchSize: 1 })
    queue.enqueue(exposure(1))
    await settle()
    limited = false
    await vi.advanceTimersByTimeAsync(29_999)
    expect(collector.batches).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(collector.delivered()).toHaveLength(1)
  })

  test('a 400 drops that batch with a warning, since it would fail forever', async () => {
    const collector = serveCollector((payload) =>
      payload.events.some((event) => event.key === 'flag-0')
        ? new HttpResponse(null, { status: 400 })
        : HttpResponse.json({}),
    )
    const queue = startQueue({ batchSize: 1 })
    queue.enqueue(exposure(0))
    queue.enqueue(exposure(1))
    await queue.flush()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(collector.batches.map((batch) => batch.payload.events[0]?.key)).toEqual([
      'flag-0',
      'flag-1',
    ])
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringContaining('refused a batch of events with 400'),
    )
  })

  test('a 401 keeps the events and retries, so a refreshed token can deliver them', async () => {
    let token = 'expired'
    const collector = serveCollector((_, headers) =>
      headers.get('Authorization') === 'Bearer fresh'
        ? HttpResponse.json({})
        : new HttpResponse(null, { status: 401 }),
    )
    const queue = startQueue({
      batchSize: 1,
      headers: () => ({ Authorization: `Bearer ${token}` }),
    })
    queue.enqueue(exposure(1))
    await settle()
    token = 'fresh'
    await vi.advanceTimersByTimeAsync(1_000)
    expect(collector.batches.map((batch) => batch.accepted)).toEqual([false, true])
  })

  test('then a reload delivers every event exactly once by id', async () => {
    let down = true
    const collector = serveCollector(() =>
      down ? new HttpResponse(null, { status: 500 }) : HttpResponse.json({}),
    )
    const { storage } = createMemoryStorage()
    const firstPage = startQueue({ storage, batchSize: 3 })
    const sent = exposures(7)
    sent.forEach(firstPage.enqueue)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(collector.delivered()).toHaveLength(0)
    firstPage.close()

    down = false
    const secondPage = startQueue({ storage, batchSize: 3 })
    const later = exposures(2, 7)
    later.forEach(secondPage.enqueue)
    await vi.advanceTimersByTimeAsync(2_000)

    const delivered = idsOf(collector.delivered())
    expect(new Set(delivered).size).toBe(delivered.length)
    expect([...delivered].sort()).toEqual(idsOf([...sent, ...later]).sort())
  })
})

describe('the outbox bound', () => {
  test('drops the oldest events and reports how many in the next batch meta', async () => {
    let down = true
    const collector = serveCollector(() => (down ? HttpResponse.error() : HttpResponse.json({})))
    const queue = startQueue({ batchSize: 5, maxEvents: 10, meta: { app: 'shop' } })
    const sent = exposures(15)
    sent.forEach(queue.enqueue)
    await settle()
    down = false
    await queue.flush()
    // The first five were in flight when the bound was reached: the next five oldest went.
    expect(idsOf(collector.delivered())).toEqual(idsOf([...sent.slice(0, 5), ...sent.slice(10)]))
    expect(collector.batches.filter((batch) => batch.accepted)[0]?.payload.meta).toEqual({
      app: 'shop',
      droppedEvents: 5,
    })
  })

  test('stops reporting drops once a collector has accepted the count', async () => {
    const collector = serveCollector()
    const queue = startQueue({ batchSize: 100, maxEvents: 2 })
    exposures(3).forEach(queue.enqueue)
    await queue.flush()
    queue.enqueue(exposure(3))
    await queue.flush()
    expect(collector.batches.map((batch) => batch.payload.meta)).toEqual([{ droppedEvents: 1 }, {}])
  })
})

test('rejects an options object without a collector URL, saying what to pass', () => {
  expect(() => createEventQueue({ url: '', storageKey: 'k' })).toThrow(
    /`url` must be the event collector URL/,
  )
  expect(() => createEventQueue({ url: collectorUrl, storageKey: 'k', batchSize: 0 })).toThrow(
    /`batchSize` must be a positive whole number/,
  )
})
