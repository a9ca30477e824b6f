import { expect, test } from 'vitest'
import { splitIntoBodies } from '../../../src/core/events/splitIntoBodies'
import { toTrackingEvent } from '../../../src/core/events/toTrackingEvent'

const bytesOf = (text: string) => new TextEncoder().encode(text).byteLength

function trackingWithNote(note: string) {
  return toTrackingEvent({ name: 'note', details: { note }, context: { targetingKey: 'user-1' } })
}

test('keeps every body under the limit counted in UTF-8 bytes, not characters', () => {
  // Each "€" is one character but three bytes.
  const events = Array.from({ length: 40 }, () => trackingWithNote('€'.repeat(300)))
  const { bodies, oversized } = splitIntoBodies(events, {}, 0, 8_000)
  expect(oversized).toEqual([])
  expect(bodies.length).toBeGreaterThan(1)
  for (const { body } of bodies) expect(bytesOf(body)).toBeLessThan(8_000)
  expect(bodies.flatMap(({ body }) => JSON.parse(body).events)).toEqual(events)
})

test('each body is a complete collector payload', () => {
  const events = [trackingWithNote('a'), trackingWithNote('b')]
  const { bodies } = splitIntoBodies(events, { app: 'shop' }, 0)
  expect(bodies).toHaveLength(1)
  expect(JSON.parse(bodies[0]?.body ?? '')).toEqual({ events, meta: { app: 'shop' } })
})

test('only the first body reports dropped events, so the collector does not count them twice', () => {
  const events = Array.from({ length: 20 }, () => trackingWithNote('x'.repeat(500)))
  const { bodies } = splitIntoBodies(events, { app: 'shop' }, 7, 4_000)
  expect(bodies.map(({ body }) => JSON.parse(body).meta)).toEqual([
    { app: 'shop', droppedEvents: 7 },
    ...bodies.slice(1).map(() => ({ app: 'shop' })),
  ])
  expect(bodies.map(({ droppedEvents }) => droppedEvents)).toEqual([
    7,
    ...bodies.slice(1).map(() => 0),
  ])
})

test('an event too large for any body is left out for a regular request', () => {
  const small = trackingWithNote('small')
  const huge = trackingWithNote('x'.repeat(5_000))
  const { bodies, oversized } = splitIntoBodies([huge, small], {}, 3, 4_000)
  expect(oversized).toEqual([huge])
  expect(bodies).toHaveLength(1)
  expect(JSON.parse(bodies[0]?.body ?? '')).toEqual({
    events: [small],
    meta: { droppedEvents: 3 },
  })
})
