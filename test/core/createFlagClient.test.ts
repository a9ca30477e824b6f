import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClient } from 'vexil/core'
import { answerWith, baseUrl, bulkUrl, serveFlags } from '../support/flagService'
import { server } from '../support/server'

const clients: FlagClient[] = []
function startedClient(options: Partial<Parameters<typeof createFlagClient>[0]> = {}) {
  const client = createFlagClient({ baseUrl, context: { targetingKey: 'user-1' }, ...options })
  clients.push(client)
  return client
}
afterEach(() => {
  clients.splice(0).forEach((client) => client.close())
  vi.restoreAllMocks()
})

test('does no I/O before start', async () => {
  const service = serveFlags([{ key: 'new-checkout', value: true }])
  startedClient()
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(service.requests).toHaveLength(0)
})

test('start posts the evaluation context to the OFREP bulk endpoint', async () => {
  const service = serveFlags([])
  const client = startedClient({ context: { targetingKey: 'user-1', plan: 'pro' } })
  await client.start()
  expect(service.requests).toHaveLength(1)
  expect(service.requests[0]?.body).toEqual({ context: { targetingKey: 'user-1', plan: 'pro' } })
  expect(service.requests[0]?.headers.get('content-type')).toBe('application/json')
})

test('a successful answer makes the client ready with the served values', async () => {
  serveFlags([
    {
      key: 'theme',
      value: 'dark',
      variant: 'dark',
      reason: 'TARGETING_MATCH',
      metadata: { owner: 'web' },
    },
  ])
  const client = startedClient()
  await client.start()
  expect(client.getState().status).toBe('ready')
  expect(client.evaluate('theme', 'light')).toEqual({
    key: 'theme',
    value: 'dark',
    variant: 'dark',
    reason: 'TARGETING_MATCH',
    source: 'network',
    metadata: { owner: 'web' },
  })
})

test('start is idempotent while running', async () => {
  const service = serveFlags([])
  const client = startedClient()
  await Promise.all([client.start(), client.start()])
  expect(service.requests).toHaveLength(1)
})

describe('headers', () => {
  test('static headers are sent with every request', async () => {
    const service = serveFlags([])
    const client = startedClient({ headers: { Authorization: 'Bearer secret' } })
    await client.start()
    await client.refresh()
    expect(service.requests.map((request) => request.headers.get('authorization'))).toEqual([
      'Bearer secret',
      'Bearer secret',
    ])
  })

  test('a headers function is called before each request, so a token can change', async () => {
    const service = serveFlags([])
    let token = 0
    const client = startedClient({ headers: async () => ({ 'X-API-Key': `key-${++token}` }) })
    await client.start()
    await client.refresh()
    expect(service.requests.map((request) => request.headers.get('x-api-key'))).toEqual([
      'key-1',
      'key-2',
    ])
  })

  test('a headers function that throws becomes an error status, not an exception', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const service = serveFlags([])
    const client = startedClient({
      headers: () => {
        throw new Error('token endpoint down')
      },
    })
    await client.start()
    expect(service.requests).toHaveLength(0)
    expect(client.getState().error).toMatchObject({
      code: 'network',
      message: expect.stringContaining('token endpoint down'),
    })
  })
})

describe('ETag', () => {
  test('the ETag of an answer is sent back as If-None-Match', async () => {
    const service = serveFlags([{ key: 'a', value: true }])
    const client = startedClient()
    await client.start()
    await client.refresh()
    expect(service.requests[0]?.headers.get('if-none-match')).toBeNull()
    expect(service.requests[1]?.headers.get('if-none-match')).toBe('"v1"')
  })

  test('a 304 keeps the values and their identity', async () => {
    serveFlags([{ key: 'a', value: { limit: 3 } }])
    const client = startedClient()
    await client.start()
    const before = client.getState().flags
    await client.refresh()
    expect(client.getState().flags).toBe(before)
    expect(client.getState().status).toBe('ready')
    expect(client.evaluate('a', {}).value).toEqual({ limit: 3 })
  })

  test('a changed answer replaces the values and its ETag is used next', async () => {
    const service = serveFlags([{ key: 'a', value: false }])
    const client = startedClient()
    await client.start()
    service.setFlags([{ key: 'a', value: true }])
    await client.refresh()
    await client.refresh()
    expect(client.evaluate('a', false).value).toBe(true)
    expect(service.requests[2]?.headers.get('if-none-match')).toBe('"v2"')
  })
})

test('flags whose answer did not change keep their identity when others change', async () => {
  const service = serveFlags([
    { key: 'a', value: { x: 1 } },
    { key: 'b', value: 1 },
  ])
  const client = startedClient()
  await client.start()
  const before = client.getState().flags
  service.setFlags([
    { key: 'a', value: { x: 1 } },
    { key: 'b', value: 2 },
  ])
  await client.refresh()
  const after = client.getState().flags
  expect(after).not.toBe(before)
  expect(after.a).toBe(before.a)
  expect(after.b).not.toBe(before.b)
})

test('a flag removed on the server falls back to the default as FLAG_NOT_FOUND', async () => {
  const service = serveFlags([{ key: 'a', value: true }])
  const client = startedClient()
  await client.start()
  service.setFlags([])
  await client.refresh()
  expect(client.evaluate('a', false)).toMatchObject({
    value: false,
    errorCode: 'FLAG_NOT_FOUND',
    source: 'default',
  })
})

test('an identical answer without an ETag changes nothing a reader could select', async () => {
  answerWith(() => HttpResponse.json({ flags: [{ key: 'a', value: { x: 1 } }] }))
  const client = startedClient()
  await client.start()
  const before = client.getState().flags
  await client.refresh()
  expect(client.getState().flags).toBe(before)
})

test('flag keys named like object members are plain keys', async () => {
  serveFlags([{ key: '__proto__', value: 'x' }])
  const client = startedClient()
  await client.start()
  expect(client.evaluate('__proto__', 'default').value).toBe('x')
  expect(client.evaluate('constructor', 'default')).toMatchObject({
    value: 'default',
    errorCode: 'FLAG_NOT_FOUND',
  })
  expect(client.evaluate('toString', false)).toMatchObject({
    value: false,
    errorCode: 'FLAG_NOT_FOUND',
  })
})

test('close aborts the request in flight and ignores its answer', async () => {
  let release!: () => void
  server.use(
    http.post(bulkUrl, async () => {
      await new Promise<void>((resolve) => (release = resolve))
      return HttpResponse.json({ flags: [{ key: 'a', value: true }] })
    }),
  )
  const client = startedClient()
  const started = client.start()
  await vi.waitFor(() => expect(release).toBeTypeOf('function'))
  client.close()
  release()
  await started
  expect(client.getState()).toMatchObject({ status: 'loading', syncedAt: undefined })
})

test('refresh before start does nothing and says why in development', async () => {
  const service = serveFlags([])
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  await startedClient().refresh()
  expect(service.requests).toHaveLength(0)
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('refresh() was called before start()'))
  warn.mockRestore()
})

test('a client can be started again after close', async () => {
  const service = serveFlags([{ key: 'a', value: true }])
  const client = startedClient()
  await client.start()
  client.close()
  await client.start()
  expect(service.requests).toHaveLength(2)
})
