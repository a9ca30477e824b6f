import { afterEach, expect, test, vi } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClient } from 'vexil/core'
import { baseUrl, serveFlags } from '../support/flagService'
import type { FlagItem } from '../support/flagService'

let client: FlagClient | undefined
afterEach(() => client?.close())

async function clientServing(items: FlagItem[]) {
  serveFlags(items)
  client = createFlagClient({ baseUrl, context: { targetingKey: 'user-1' } })
  await client.start()
  return client
}

test('a failure item yields the default with its error code and details', async () => {
  const client = await clientServing([
    { key: 'gone', errorCode: 'FLAG_NOT_FOUND', errorDetails: 'flag gone is not defined' },
    { key: 'ok', value: true },
  ])
  expect(client.getState().status).toBe('ready')
  expect(client.evaluate('gone', 'fallback')).toEqual({
    key: 'gone',
    value: 'fallback',
    variant: undefined,
    reason: 'ERROR',
    errorCode: 'FLAG_NOT_FOUND',
    errorDetails: 'flag gone is not defined',
    source: 'default',
    metadata: {},
  })
  expect(client.evaluate('ok', false).value).toBe(true)
})

test('an item without a value means "use the code default" and keeps its variant and reason', async () => {
  const client = await clientServing([{ key: 'banner', variant: 'off', reason: 'DISABLED' }])
  expect(client.evaluate('banner', 'hello')).toMatchObject({
    value: 'hello',
    variant: 'off',
    reason: 'DISABLED',
    source: 'default',
  })
  expect(client.evaluate('banner', 'hello').errorCode).toBeUndefined()
})

test.each(['CACHED', 'DEFAULT', 'STATIC', 'VENDOR_SPECIFIC_REASON'])(
  'the reason %s is passed through as sent',
  async (reason) => {
    const client = await clientServing([{ key: 'a', value: 1, reason }])
    expect(client.evaluate('a', 0).reason).toBe(reason)
  },
)

test('an item with no reason reads as UNKNOWN', async () => {
  const client = await clientServing([{ key: 'a', value: 1 }])
  expect(client.evaluate('a', 0).reason).toBe('UNKNOWN')
})

test.each([
  [
    'a string for a boolean default',
    'yes',
    false,
    'flag "a" is a string but its default is a boolean',
  ],
  ['a number for a string default', 3, 'x', 'flag "a" is a number but its default is a string'],
  ['an array for an object default', [1], {}, 'flag "a" is an array but its default is an object'],
  [
    'an object for an array default',
    { a: 1 },
    [],
    'flag "a" is an object but its default is an array',
  ],
  ['null for a number default', null, 0, 'flag "a" is a null but its default is a number'],
] as const)(
  '%s yields the default with TYPE_MISMATCH',
  async (_, served, defaultValue, details) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const client = await clientServing([{ key: 'a', value: served, variant: 'v' }])
    expect(client.evaluate('a', defaultValue)).toMatchObject({
      value: defaultValue,
      variant: undefined,
      reason: 'ERROR',
      errorCode: 'TYPE_MISMATCH',
      errorDetails: details,
      source: 'default',
    })
    warn.mockRestore()
  },
)

test('a type mismatch is warned about once in development, however often it is read', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const client = await clientServing([{ key: 'mismatched-once', value: 'on' }])
  client.evaluate('mismatched-once', false)
  client.evaluate('mismatched-once', false)
  expect(warn).toHaveBeenCalledTimes(1)
  expect(warn).toHaveBeenCalledWith(
    '[vexil] flag "mismatched-once" is a string but its default is a boolean; serving the default.',
  )
  warn.mockRestore()
})

test('integers and floats are both numbers', async () => {
  const client = await clientServing([{ key: 'ratio', value: 0.25 }])
  expect(client.evaluate('ratio', 1).value).toBe(0.25)
})

test('before the first answer every read is its default with PROVIDER_NOT_READY', () => {
  client = createFlagClient({ baseUrl })
  expect(client.evaluate('a', true)).toMatchObject({
    value: true,
    reason: 'ERROR',
    errorCode: 'PROVIDER_NOT_READY',
    source: 'default',
  })
})
