import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClient } from 'vexil/core'
import { baseUrl, bulkUrl, serveFlags } from '../support/flagService'
import { server } from '../support/server'

let client: FlagClient | undefined
afterEach(() => client?.close())

/** Serves each user a value named after them. */
function servePerUser(delays: Record<string, Promise<void>> = {}) {
  const contexts: unknown[] = []
  server.use(
    http.post(bulkUrl, async ({ request }) => {
      const { context } = (await request.json()) as { context: { targetingKey: string } }
      contexts.push(context)
      await delays[context.targetingKey]
      return HttpResponse.json(
        { flags: [{ key: 'greeting', value: `hello ${context.targetingKey}` }] },
        { headers: { ETag: '"same-etag-for-everyone"' } },
      )
    }),
  )
  return contexts
}

test('setContext fetches for the new context and keeps the old values marked stale meanwhile', async () => {
  let release!: () => void
  const contexts = servePerUser({ bob: new Promise((resolve) => (release = resolve)) })
  client = createFlagClient({ baseUrl, context: { targetingKey: 'alice' } })
  await client.start()
  const switched = client.setContext({ targetingKey: 'bob' })
  expect(client.getState()).toMatchObject({ status: 'stale', context: { targetingKey: 'bob' } })
  expect(client.evaluate('greeting', '').value).toBe('hello alice')
  release()
  await switched
  expect(client.getState().status).toBe('ready')
  expect(client.evaluate('greeting', '').value).toBe('hello bob')
  expect(contexts).toEqual([{ targetingKey: 'alice' }, { targetingKey: 'bob' }])
})

test('the previous context’s ETag is not sent for a new context', async () => {
  const service = serveFlags([{ key: 'a', value: true }])
  client = createFlagClient({ baseUrl, context: { targetingKey: 'alice' } })
  await client.start()
  await client.setContext({ targetingKey: 'bob' })
  expect(service.requests[1]?.headers.get('if-none-match')).toBeNull()
})

test('the last of several quick context switches wins, whatever order the answers arrive in', async () => {
  let releaseBob!: () => void
  servePerUser({ bob: new Promise((resolve) => (releaseBob = resolve)) })
  client = createFlagClient({ baseUrl, context: { targetingKey: 'alice' } })
  await client.start()
  const toBob = client.setContext({ targetingKey: 'bob' })
  const toCarol = client.setContext({ targetingKey: 'carol' })
  await toCarol
  releaseBob()
  await toBob
  expect(client.getState()).toMatchObject({ status: 'ready', context: { targetingKey: 'carol' } })
  expect(client.evaluate('greeting', '').value).toBe('hello carol')
})

test('setting an equal context does not refetch', async () => {
  const contexts = servePerUser()
  client = createFlagClient({ baseUrl, context: { targetingKey: 'alice', plan: 'pro' } })
  await client.start()
  await client.setContext({ plan: 'pro', targetingKey: 'alice' })
  expect(contexts).toHaveLength(1)
})

test('setContext before start only records the context for the first request', async () => {
  const contexts = servePerUser()
  client = createFlagClient({ baseUrl, context: { targetingKey: 'alice' } })
  await client.setContext({ targetingKey: 'bob' })
  expect(contexts).toHaveLength(0)
  await client.start()
  expect(contexts).toEqual([{ targetingKey: 'bob' }])
})

test('setContext refuses a context that is not an object', () => {
  client = createFlagClient({ baseUrl })
  expect(() => client?.setContext('bob' as never)).toThrow(
    /^\[vexil\] setContext: `context` must be an object/,
  )
})

describe('a context switch while the service is failing', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.spyOn(Math, 'random').mockReturnValue(1)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  test('during an outage is tried at once, keeps the old values and says it failed', async () => {
    let down = false
    const contexts: unknown[] = []
    server.use(
      http.post(bulkUrl, async ({ request }) => {
        contexts.push(((await request.json()) as { context: unknown }).context)
        return down
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json({ flags: [{ key: 'greeting', value: 'hello alice' }] })
      }),
    )
    client = createFlagClient({
      baseUrl,
      context: { targetingKey: 'alice' },
      cacheMode: 'disabled',
    })
    await client.start()
    down = true
    await client.refresh()
    await client.setContext({ targetingKey: 'bob' })
    expect(contexts).toEqual([
      { targetingKey: 'alice' },
      { targetingKey: 'alice' },
      { targetingKey: 'bob' },
    ])
    expect(client.getState()).toMatchObject({ status: 'error', error: { code: 'server' } })
    expect(client.evaluate('greeting', '').value).toBe('hello alice')
  })

  test('during a 429 is queued until Retry-After, not dropped', async () => {
    let limited = true
    const contexts: unknown[] = []
    server.use(
      http.post(bulkUrl, async ({ request }) => {
        const { context } = (await request.json()) as { context: { targetingKey: string } }
        contexts.push(context)
        return limited
          ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '30' } })
          : HttpResponse.json({
              flags: [{ key: 'greeting', value: `hello ${context.targetingKey}` }],
            })
      }),
    )
    client = createFlagClient({
      baseUrl,
      context: { targetingKey: 'alice' },
      cacheMode: 'disabled',
    })
    await client.start()
    const switched = client.setContext({ targetingKey: 'bob' })
    expect(client.getState()).toMatchObject({ status: 'loading', error: { code: 'rate-limited' } })
    await vi.advanceTimersByTimeAsync(29_999)
    expect(contexts).toHaveLength(1)
    limited = false
    await vi.advanceTimersByTimeAsync(1)
    await switched
    expect(contexts).toEqual([{ targetingKey: 'alice' }, { targetingKey: 'bob' }])
    expect(client.getState().status).toBe('ready')
    expect(client.evaluate('greeting', '').value).toBe('hello bob')
  })
})
