import { afterEach, describe, expect, test, vi } from 'vitest'
import { createEventId } from '../../../src/core/events/createEventId'
import { toFeatureEvent } from '../../../src/core/events/toFeatureEvent'
import { toTrackingEvent } from '../../../src/core/events/toTrackingEvent'

const now = Date.parse('2026-11-21T12:00:00.750Z')
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

afterEach(() => vi.unstubAllGlobals())

describe('toFeatureEvent', () => {
  test('builds a GO Feature Flag feature event with an id', () => {
    const event = toFeatureEvent({
      key: 'new-checkout',
      value: true,
      variant: 'on',
      isDefault: false,
      context: { targetingKey: 'user-1', plan: 'pro' },
      version: 'v3',
      now,
    })
    expect(event).toEqual({
      id: expect.stringMatching(uuid),
      kind: 'feature',
      contextKind: 'user',
      userKey: 'user-1',
      creationDate: 1_795_262_400,
      key: 'new-checkout',
      variation: 'on',
      value: true,
      default: false,
      version: 'v3',
      source: 'PROVIDER_CACHE',
    })
  })

  test('marks a call-site default with default: true and the SdkDefault variation', () => {
    const event = toFeatureEvent({
      key: 'missing',
      value: 'light',
      variant: 'dark',
      isDefault: true,
      context: { targetingKey: 'user-1' },
    })
    expect(event).toMatchObject({ default: true, variation: 'SdkDefault', value: 'light' })
    expect(event).not.toHaveProperty('version')
  })

  test.each([
    ['no targeting key', {}, 'anonymousUser', 'undefined-targetingKey'],
    ['an empty targeting key', { targetingKey: '' }, 'anonymousUser', 'undefined-targetingKey'],
    [
      'anonymous: true',
      { targetingKey: 'visitor-9', anonymous: true },
      'anonymousUser',
      'visitor-9',
    ],
    ['a targeting key', { targetingKey: 'user-1' }, 'user', 'user-1'],
  ])('a context with %s has contextKind %s', (_, context, contextKind, userKey) => {
    const event = toFeatureEvent({ key: 'k', value: 1, isDefault: false, context })
    expect(event).toMatchObject({ contextKind, userKey })
  })

  test('gives every event its own id', () => {
    const input = { key: 'k', value: 1, isDefault: false, context: {} }
    const ids = new Set(Array.from({ length: 1_000 }, () => toFeatureEvent(input).id))
    expect(ids.size).toBe(1_000)
  })
})

test('toTrackingEvent builds a GO Feature Flag tracking event in the OpenFeature shape', () => {
  const context = { targetingKey: 'user-1', plan: 'pro' }
  const event = toTrackingEvent({
    name: 'checkout-completed',
    details: { value: 42.5, currency: 'EUR' },
    context,
    now,
  })
  expect(event).toEqual({
    id: expect.stringMatching(uuid),
    kind: 'tracking',
    contextKind: 'user',
    userKey: 'user-1',
    creationDate: 1_795_262_400,
    key: 'checkout-completed',
    evaluationContext: context,
    trackingEventDetails: { value: 42.5, currency: 'EUR' },
  })
})

test('toTrackingEvent without details sends empty details', () => {
  const event = toTrackingEvent({ name: 'signed-up', context: {} })
  expect(event.trackingEventDetails).toEqual({})
})

describe('createEventId without crypto.randomUUID (an insecure context)', () => {
  test('still returns distinct version 4 UUIDs', () => {
    vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues.bind(crypto) })
    const ids = Array.from({ length: 100 }, createEventId)
    expect(ids.every((id) => uuid.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(100)
  })

  test('falls back to Math.random when there is no crypto at all', () => {
    vi.stubGlobal('crypto', undefined)
    const ids = Array.from({ length: 100 }, createEventId)
    expect(ids.every((id) => uuid.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(100)
  })
})
