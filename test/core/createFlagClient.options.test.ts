import { describe, expect, test } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClientOptions } from 'vexil/core'

describe('createFlagClient refuses options it cannot work with', () => {
  test.each([
    ['no options at all', undefined, /expected an options object/],
    ['no baseUrl', {}, /`baseUrl` is required/],
    ['an empty baseUrl', { baseUrl: '  ' }, /`baseUrl` is required/],
    [
      'a baseUrl that already holds the OFREP path',
      { baseUrl: 'https://f.test/ofrep/v1/evaluate/flags' },
      /without the OFREP path/,
    ],
    [
      'a context that is a string',
      { baseUrl: 'https://f.test', context: 'user-1' },
      /`context` must be an object.*got a string/,
    ],
    [
      'a context that is an array',
      { baseUrl: 'https://f.test', context: [] },
      /`context` must be an object.*got an array/,
    ],
    [
      'a context that is null',
      { baseUrl: 'https://f.test', context: null },
      /`context` must be an object.*got null/,
    ],
    [
      'a numeric targetingKey',
      { baseUrl: 'https://f.test', context: { targetingKey: 42 } },
      /`context.targetingKey` must be a string/,
    ],
    [
      'a zero timeout',
      { baseUrl: 'https://f.test', timeoutMs: 0 },
      /`timeoutMs` must be a positive number/,
    ],
    [
      'a fetch that is not a function',
      { baseUrl: 'https://f.test', fetch: 'fetch' },
      /`fetch` must be a function/,
    ],
    [
      'headers that are a string',
      { baseUrl: 'https://f.test', headers: 'Bearer x' },
      /`headers` must be an object/,
    ],
  ])('with %s', (_, options, message) => {
    expect(() => createFlagClient(options as unknown as FlagClientOptions)).toThrow(message)
  })

  test('names itself in every message so the console points at vexil', () => {
    expect(() => createFlagClient({} as FlagClientOptions)).toThrow(/^\[vexil\] createFlagClient: /)
  })
})

test('accepts a minimal configuration and starts loading with an empty context', () => {
  const client = createFlagClient({ baseUrl: 'https://flags.test/' })
  expect(client.getState()).toMatchObject({
    status: 'loading',
    context: {},
    error: undefined,
    syncedAt: undefined,
  })
})
