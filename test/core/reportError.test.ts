import { afterEach, expect, test, vi } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClient, FlagClientOptions } from 'vexil/core'
import { baseUrl, serveFlags } from '../support/flagService'

const clients: FlagClient[] = []
afterEach(() => {
  clients.splice(0).forEach((client) => client.close())
  vi.restoreAllMocks()
})

async function startedClient(options: Partial<FlagClientOptions> = {}) {
  const client = createFlagClient({
    baseUrl,
    context: { targetingKey: 'user-1' },
    cacheMode: 'disabled',
    allowOverrides: false,
    ...options,
  })
  clients.push(client)
  await client.start()
  return client
}

test('reportError pins the flag to the default and reports a change of it', async () => {
  serveFlags([{ key: 'new-checkout', value: true, variant: 'treatment', reason: 'SPLIT' }])
  const client = await startedClient()
  const changes: string[][] = []
  client.on('change', ({ keys }) => changes.push(keys))
  client.reportError('new-checkout', new TypeError('boom'))
  expect(changes).toEqual([['new-checkout']])
  expect(client.evaluate('new-checkout', false)).toMatchObject({
    value: false,
    variant: undefined,
    reason: 'ERROR',
    source: 'default',
  })
  expect(client.getState().pins['new-checkout']).toMatchObject({
    key: 'new-checkout',
    variant: 'treatment',
    source: 'network',
    error: { type: 'TypeError', message: 'boom' },
  })
})

test('reportError reports once per flag for the page session', async () => {
  serveFlags([{ key: 'new-checkout', value: true, variant: 'treatment' }])
  const onFlagError = vi.fn()
  const client = await startedClient({ onFlagError })
  const listener = vi.fn()
  client.on('flagError', listener)
  client.reportError('new-checkout', new Error('first'))
  client.reportError('new-checkout', new Error('second'))
  expect(onFlagError).toHaveBeenCalledTimes(1)
  expect(listener).toHaveBeenCalledTimes(1)
  expect(listener.mock.calls[0]?.[0]).toMatchObject({ error: { message: 'first' } })
})

test('a failure while the default is served is reported but pins nothing', async () => {
  serveFlags([{ key: 'new-checkout', errorCode: 'FLAG_NOT_FOUND' }])
  const onFlagError = vi.fn()
  const client = await startedClient({ onFlagError })
  client.reportError('new-checkout', new Error('the default broke'))
  expect(client.getState().pins).toEqual({})
  expect(onFlagError).toHaveBeenCalledWith(
    expect.not.objectContaining({ 'feature_flag.result.variant': expect.anything() }),
  )
})

test('something thrown that is not an Error is reported with the error type _OTHER', async () => {
  serveFlags([{ key: 'new-checkout', value: true, variant: 'treatment' }])
  const onFlagError = vi.fn()
  const client = await startedClient({ onFlagError })
  client.reportError('new-checkout', 'a string')
  expect(onFlagError.mock.calls[0]?.[0]).toMatchObject({
    'error.type': '_OTHER',
    error: 'a string',
  })
  expect(client.getState().pins['new-checkout']?.errorDetails).toBe(
    'pinned to its default for this page session after variant "treatment" threw _OTHER: a string',
  )
})

test('an onFlagError callback that throws does not stop the pin', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  serveFlags([{ key: 'new-checkout', value: true, variant: 'treatment' }])
  const client = await startedClient({
    onFlagError: () => {
      throw new Error('tracker down')
    },
  })
  expect(() => client.reportError('new-checkout', new Error('boom'))).not.toThrow()
  expect(client.evaluate('new-checkout', false).value).toBe(false)
})
