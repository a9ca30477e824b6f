import { HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import { createFlagClient, fetchFlagSnapshot } from 'vexil/core'
import { answerWith, baseUrl, serveFlags } from '../support/flagService'

afterEach(() => vi.restoreAllMocks())

test('evaluates the flags once for a context, with the ETag, as plain data', async () => {
  const service = serveFlags([{ key: 'theme', value: 'dark', variant: 'dark', reason: 'STATIC' }])
  const snapshot = await fetchFlagSnapshot({
    baseUrl,
    context: { targetingKey: 'user-1' },
    headers: { 'X-API-Key': 'server-key' },
  })
  expect(snapshot).toEqual({
    context: { targetingKey: 'user-1' },
    flags: [{ key: 'theme', value: 'dark', variant: 'dark', reason: 'STATIC' }],
    etag: '"v1"',
    fetchedAt: expect.any(Number),
  })
  expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot)
  expect(service.requests[0]?.headers.get('x-api-key')).toBe('server-key')
})

test('a failing service yields an empty snapshot that says why instead of breaking the render', async () => {
  answerWith(() => new HttpResponse(null, { status: 500 }))
  const snapshot = await fetchFlagSnapshot({ baseUrl, context: { targetingKey: 'user-1' } })
  expect(snapshot.flags).toEqual([])
  expect(snapshot.error).toBe('service error (500)')
})

test('a bootstrapped client starts ready with the server’s values and revalidates them', async () => {
  const service = serveFlags([{ key: 'theme', value: 'dark' }])
  const bootstrap = await fetchFlagSnapshot({ baseUrl, context: { targetingKey: 'user-1' } })
  const client = createFlagClient({
    baseUrl,
    context: { targetingKey: 'user-1' },
    bootstrap,
    cacheMode: 'disabled',
  })
  expect(client.getInitialState().status).toBe('ready')
  expect(client.evaluate('theme', 'none')).toMatchObject({ value: 'dark', source: 'bootstrap' })
  await client.start()
  expect(service.requests[1]?.headers.get('if-none-match')).toBe('"v1"')
  expect(client.evaluate('theme', 'none')).toMatchObject({ value: 'dark', source: 'network' })
  client.close()
})

test('a snapshot evaluated for another user is ignored with a warning', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  serveFlags([{ key: 'theme', value: 'dark' }])
  const bootstrap = await fetchFlagSnapshot({ baseUrl, context: { targetingKey: 'someone-else' } })
  const client = createFlagClient({
    baseUrl,
    context: { targetingKey: 'user-1' },
    bootstrap,
    cacheMode: 'disabled',
  })
  expect(client.getState().status).toBe('loading')
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('evaluated for another targetingKey'))
})

test('a malformed snapshot is ignored with a warning naming the problem', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const bootstrap = { context: {}, flags: [{ value: 1 }], fetchedAt: 0 } as never
  const client = createFlagClient({ baseUrl, bootstrap, cacheMode: 'disabled' })
  expect(client.getState().status).toBe('loading')
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('flags[0].key is missing'))
})
