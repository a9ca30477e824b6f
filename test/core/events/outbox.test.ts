import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createEventQueue } from '../../../src/core/events/createEventQueue'
import type { EventQueue, EventQueueOptions } from '../../../src/core/events/createEventQueue'
import type { EventStorage } from '../../../src/core/events/resolveEventStorage'
import { toFeatureEvent } from '../../../src/core/events/toFeatureEvent'
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
  vi.unstubAllGlobals()
})

function createQueue(options: Partial<EventQueueOptions> = {}) {
  const queue = createEventQueue({ url: collectorUrl, storageKey: 'vexil:events', ...options })
  queues.push(queue)
  return queue
}

function exposure(key = 'new-checkout') {
  return toFeatureEvent({
    key,
    value: true,
    variant: 'on',
    isDefault: false,
    context: { targetingKey: 'user-1' },
  })
}

const settle = () => vi.advanceTimersByTimeAsync(0)

describe('persistence', () => {
  test('a waiting event is in storage before it is sent, and gone once the collector has it', async () => {
    serveCollector()
    const { storage, items } = createMemoryStorage()
    const queue = createQueue({ storage })
    const event = exposure()
    queue.enqueue(event)
    await settle()
    expect(JSON.parse(items.get('vexil:events') ?? '')).toEqual({
      version: 1,
      events: [event],
      dropped: 0,
    })
    await queue.flush()
    expect(items.has('vexil:events')).toBe(false)
  })

  test('events a previous page left are sent at start', async () => {
    const collector = serveCollector()
    const { storage } = createMemoryStorage()
    const left = [exposure('a'), exposure('b')]
    const previousPage = createQueue({ storage })
    left.forEach(previousPage.enqueue)
    await settle()

    createQueue({ storage }).start()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(collector.delivered()).toEqual(left)
  })

  test('a stored outbox over the bound keeps its newest events and counts the rest as dropped', async () => {
    const collector = serveCollector()
    const { storage } = createMemoryStorage()
    const previousPage = createQueue({ storage, maxEvents: 5 })
    const left = Array.from({ length: 5 }, (_, index) => exposure(`flag-${index}`))
    left.forEach(previousPage.enqueue)
    await settle()

    const queue = createQueue({ storage, maxEvents: 3 })
    await queue.flush()
    expect(collector.delivered()).toEqual(left.slice(2))
    expect(collector.batches[0]?.payload.meta).toEqual({ droppedEvents: 2 })
  })

  test('uses localStorage by default when it works', async () => {
    const { storage, items } = createMemoryStorage()
    vi.stubGlobal('localStorage', storage)
    createQueue().enqueue(exposure())
    await settle()
    expect(items.has('vexil:events')).toBe(true)
  })

  test('storage: null keeps the outbox in memory only', async () => {
    const { storage, items } = createMemoryStorage()
    vi.stubGlobal('localStorage', storage)
    createQueue({ storage: null }).enqueue(exposure())
    await settle()
    expect(items.size).toBe(0)
  })
})

describe('a corrupt stored outbox is ignored, never trusted', () => {
  const valid = exposure()
  test.each([
    ['text that is not JSON', '{"version":1,"events":['],
    ['null', 'null'],
    ['an array', '[]'],
    ['another version', JSON.stringify({ version: 2, events: [valid], dropped: 0 })],
    ['events that are not a list', JSON.stringify({ version: 1, events: {}, dropped: 0 })],
    ['a negative drop count', JSON.stringify({ version: 1, events: [valid], dropped: -1 })],
    [
      'an event without an id',
      JSON.stringify({ version: 1, events: [{ ...valid, id: '' }], dropped: 0 }),
    ],
    [
      'an event of an unknown kind',
      JSON.stringify({ version: 1, events: [{ ...valid, kind: 'x' }], dropped: 0 }),
    ],
    [
      'a feature event without its value',
      JSON.stringify({ version: 1, events: [{ ...valid, value: undefined }], dropped: 0 }),
    ],
    [
      'a tracking event without details',
      JSON.stringify({ version: 1, events: [{ ...valid, kind: 'tracking' }], dropped: 0 }),
    ],
  ])('%s', async (label, stored) => {
    // Its own key per case: the warning is printed once per distinct message.
    const storageKey = `vexil:${label}`
    const collector = serveCollector()
    const { storage, items } = createMemoryStorage({ [storageKey]: stored })
    const queue = createQueue({ storage, storageKey })
    queue.start()
    const fresh = exposure('fresh')
    queue.enqueue(fresh)
    await queue.flush()
    expect(collector.delivered()).toEqual([fresh])
    expect(items.has(storageKey)).toBe(false)
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringContaining(`ignored the stored event outbox under "${storageKey}"`),
    )
  })
})

describe('storage that throws degrades to memory with one warning', () => {
  function throwingStorage(failing: keyof EventStorage, name: string): EventStorage {
    const { storage } = createMemoryStorage()
    return {
      ...storage,
      [failing]: () => {
        throw new DOMException('the storage is unusable', name)
      },
    }
  }

  test.each([
    ['reading', 'getItem', 'SecurityError'],
    ['writing (quota)', 'setItem', 'QuotaExceededError'],
  ] as const)('when %s fails, events are still delivered', async (_, failing, name) => {
    const collector = serveCollector()
    const queue = createQueue({ storage: throwingStorage(failing, name), batchSize: 2 })
    queue.start()
    const sent = [exposure('a'), exposure('b'), exposure('c')]
    sent.forEach(queue.enqueue)
    await queue.flush()
    expect(collector.delivered()).toEqual(sent)
    const warnings = vi
      .mocked(console.warn)
      .mock.calls.filter(([message]) =>
        String(message).includes(`storage is not usable for the event outbox (${name}`),
      )
    expect(warnings).toHaveLength(1)
  })

  test('a localStorage that exists but throws is not used', async () => {
    vi.stubGlobal('localStorage', throwingStorage('setItem', 'SecurityError'))
    const collector = serveCollector()
    const queue = createQueue()
    queue.enqueue(exposure())
    await queue.flush()
    expect(collector.delivered()).toHaveLength(1)
  })
})
