// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createFlagClient, formatOverrideParam } from 'vexil/core'
import type { FlagClient, FlagClientOptions } from 'vexil/core'
import { parseOverrideParam } from '../../src/core/overrides/parseOverrideParam'
import { baseUrl, serveFlags } from '../support/flagService'
import { memoryStorage } from '../support/memoryStorage'

const clients: FlagClient[] = []
afterEach(() => {
  clients.splice(0).forEach((client) => client.close())
  window.history.replaceState(null, '', '/')
  vi.restoreAllMocks()
})

function newClient(options: Partial<FlagClientOptions> = {}) {
  const client = createFlagClient({
    baseUrl,
    cacheMode: 'disabled',
    storage: memoryStorage().storage,
    ...options,
  })
  clients.push(client)
  return client
}

test('an override wins over the service’s value and says where it came from', async () => {
  serveFlags([{ key: 'new-checkout', value: false, variant: 'off' }])
  const client = newClient()
  await client.start()
  client.setOverride('new-checkout', true)
  await vi.waitFor(() =>
    expect(client.evaluate('new-checkout', false)).toMatchObject({
      value: true,
      reason: 'OVERRIDE',
      source: 'override',
    }),
  )
})

test('a variant override carries its variant', async () => {
  const client = newClient()
  client.setOverride('checkout-experiment', { variant: 'paypal', value: 'paypal' })
  await vi.waitFor(() =>
    expect(client.evaluate('checkout-experiment', 'control')).toMatchObject({
      value: 'paypal',
      variant: 'paypal',
    }),
  )
})

test('removing one override or all of them brings the service’s values back', async () => {
  serveFlags([
    { key: 'a', value: 1 },
    { key: 'b', value: 1 },
  ])
  const client = newClient()
  await client.start()
  client.setOverride('a', 2)
  client.setOverride('b', 2)
  client.removeOverride('a')
  await vi.waitFor(() =>
    expect([client.evaluate('a', 0).value, client.evaluate('b', 0).value]).toEqual([1, 2]),
  )
  client.clearOverrides()
  expect(client.evaluate('b', 0)).toMatchObject({ value: 1, source: 'network' })
})

test('overrides survive a reload', async () => {
  const { storage, items } = memoryStorage()
  newClient({ storage }).setOverride('theme', 'dark')
  await vi.waitFor(() => expect(items.size).toBe(1))
  const reloaded = newClient({ storage })
  await vi.waitFor(() =>
    expect(reloaded.evaluate('theme', 'light')).toMatchObject({
      value: 'dark',
      source: 'override',
    }),
  )
})

test('a corrupt stored override is ignored', async () => {
  const { storage, items } = memoryStorage()
  newClient({ storage }).setOverride('theme', 'dark')
  await vi.waitFor(() => expect(items.size).toBe(1))
  for (const key of items.keys()) items.set(key, '{"flags":[{"value":1}]}')
  const reloaded = newClient({ storage })
  reloaded.setOverride('other', 1) // applies once the layer has read the stored entry
  await vi.waitFor(() => expect(reloaded.evaluate('other', 0).value).toBe(1))
  expect(reloaded.evaluate('theme', 'light').value).toBe('light')
})

test('an override fires a change for its key', async () => {
  const client = newClient()
  const change = vi.fn()
  client.on('change', change)
  client.setOverride('theme', 'dark')
  await vi.waitFor(() => expect(change).toHaveBeenCalledExactlyOnceWith({ keys: ['theme'] }))
})

test.each([
  ['undefined', undefined],
  ['a function', () => true],
  ['NaN', Number.NaN],
  ['null', null],
  ['an object holding a date', { at: new Date() }],
])('refuses %s as a value, with a message, and applies nothing', (_, value) => {
  const client = newClient()
  expect(() => client.setOverride('theme', value as never)).toThrow(
    /must be a boolean, string, number, object or array of JSON/,
  )
  expect(client.getState().overrides).toEqual({})
})

describe('with allowOverrides: false', () => {
  test('setOverride changes nothing and says how to enable it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const client = newClient({ allowOverrides: false })
    client.setOverride('theme', 'dark')
    expect(client.evaluate('theme', 'light').value).toBe('light')
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('Pass allowOverrides: true to enable them.'),
    )
  })

  test('a stored override and a URL override change nothing', async () => {
    const { storage, items } = memoryStorage()
    newClient({ storage }).setOverride('theme', 'dark')
    await vi.waitFor(() => expect(items.size).toBe(1))
    window.history.replaceState(null, '', '/?vexil=theme:neon')
    serveFlags([])
    const client = newClient({ storage, allowOverrides: false, overrides: { fromUrl: true } })
    await client.start()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(client.evaluate('theme', 'light').value).toBe('light')
    expect(client.getState().overrides).toEqual({})
  })
})

describe('URL overrides', () => {
  test('are applied at start and persisted', async () => {
    window.history.replaceState(
      null,
      '',
      '/checkout?vexil=new-checkout:true,theme:dark,limits:{"max":3,"min":1}',
    )
    serveFlags([])
    const { storage } = memoryStorage()
    const client = newClient({ storage, overrides: { fromUrl: true } })
    await client.start()
    await vi.waitFor(() => expect(Object.keys(client.getState().overrides)).toHaveLength(3))
    expect(client.evaluate('new-checkout', false).value).toBe(true)
    expect(client.evaluate('theme', 'light').value).toBe('dark')
    expect(client.evaluate('limits', {}).value).toEqual({ max: 3, min: 1 })
    window.history.replaceState(null, '', '/')
    const reloaded = newClient({ storage })
    await vi.waitFor(() => expect(reloaded.evaluate('theme', 'light').value).toBe('dark'))
  })

  test('are not read unless fromUrl is set', async () => {
    window.history.replaceState(null, '', '/?vexil=theme:dark')
    serveFlags([])
    const client = newClient()
    await client.start()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(client.evaluate('theme', 'light').value).toBe('light')
  })

  test('skip malformed entries and name them in a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    window.history.replaceState(null, '', '/?vexil=good:1,broken,json:{oops')
    serveFlags([])
    const client = newClient({ overrides: { fromUrl: true } })
    await client.start()
    await vi.waitFor(() => expect(client.evaluate('good', 0).value).toBe(1))
    expect(Object.keys(client.getState().overrides)).toEqual(['good'])
    expect(warn).toHaveBeenCalledWith(
      '[vexil] skipped the URL override "broken": expected key:value.',
    )
    expect(warn).toHaveBeenCalledWith(
      '[vexil] skipped the URL override "json:{oops": expected key:value.',
    )
  })
})

describe('the vexil URL parameter', () => {
  test.each([
    [{ 'new-checkout': true }, 'new-checkout:true'],
    [{ theme: 'dark', max: 3 }, 'theme:dark,max:3'],
    [{ limits: { max: 3, tags: ['a', 'b'] } }, 'limits:{"max":3,"tags":["a","b"]}'],
    [{ label: 'true' }, 'label:"true"'],
    [{ label: 'a,b' }, 'label:"a,b"'],
  ])('formats %j as %s and reads it back', (overrides, text) => {
    expect(formatOverrideParam(overrides)).toBe(text)
    expect({ ...parseOverrideParam(text).overrides }).toEqual(overrides)
  })
})

test('reads that reach the screen before the override layer loads are not counted if overridden', async () => {
  const { storage, items } = memoryStorage()
  newClient({ storage }).setOverride('new-checkout', true)
  await vi.waitFor(() => expect(items.size).toBe(1))
  const onExposure = vi.fn()
  const client = newClient({
    storage,
    onExposure,
    context: { targetingKey: 'user-1' },
    bootstrap: {
      context: { targetingKey: 'user-1' },
      flags: [
        { key: 'new-checkout', value: false, variant: 'off' },
        { key: 'theme', value: 'dark', variant: 'dark' },
      ],
      fetchedAt: Date.now(),
    },
  })
  // The first render, before the layer arrived, showed the server-rendered values.
  client.expose(client.evaluate('new-checkout', false))
  client.expose(client.evaluate('theme', 'light'))
  expect(onExposure).not.toHaveBeenCalled()
  await vi.waitFor(() => expect(client.evaluate('new-checkout', false).source).toBe('override'))
  expect(onExposure.mock.calls.map(([record]) => record['feature_flag.key'])).toEqual(['theme'])
})
