import { http, HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClient, FlagClientOptions } from 'vexil/core'
import { answerWith, baseUrl, bulkUrl, serveFlags } from '../support/flagService'
import { memoryStorage } from '../support/memoryStorage'
import { server } from '../support/server'

const clients: FlagClient[] = []
afterEach(() => {
  clients.splice(0).forEach((client) => client.close())
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function newClient(options: Partial<FlagClientOptions>) {
  const client = createFlagClient({ baseUrl, context: { targetingKey: 'user-1' }, ...options })
  clients.push(client)
  return client
}

/** Runs one client to completion so the storage holds its answer, as a previous page view would. */
async function previousVisit(
  storage: FlagClientOptions['storage'],
  options: Partial<FlagClientOptions> = {},
) {
  const client = newClient({ storage, ...options })
  await client.start()
  client.close()
}

test('a warm cache renders the stored values at once, then the network replaces them', async () => {
  const { storage } = memoryStorage()
  const service = serveFlags([{ key: 'theme', value: 'dark', variant: 'dark' }])
  await previousVisit(storage)
  service.setFlags([{ key: 'theme', value: 'light', variant: 'light' }])

  const client = newClient({ storage })
  expect(client.getState().status).toBe('stale')
  expect(client.evaluate('theme', 'none')).toMatchObject({ value: 'dark', source: 'cache' })
  await client.start()
  expect(client.evaluate('theme', 'none')).toMatchObject({ value: 'light', source: 'network' })
  expect(client.getState().status).toBe('ready')
})

test('the stored ETag revalidates the cached values, and a 304 confirms them as network values', async () => {
  const { storage } = memoryStorage()
  const service = serveFlags([{ key: 'theme', value: 'dark' }])
  await previousVisit(storage)
  const client = newClient({ storage })
  await client.start()
  expect(service.requests[1]?.headers.get('if-none-match')).toBe('"v1"')
  expect(client.evaluate('theme', 'none')).toMatchObject({ value: 'dark', source: 'network' })
})

test('the initial state stays empty, so a server render without flags hydrates without a mismatch', async () => {
  const { storage } = memoryStorage()
  serveFlags([{ key: 'theme', value: 'dark' }])
  await previousVisit(storage)
  const client = newClient({ storage })
  expect(client.getInitialState().flags).toEqual({})
  expect(client.getState().flags.theme?.value).toBe('dark')
})

test('an entry older than the TTL is not used', async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  const { storage } = memoryStorage()
  serveFlags([{ key: 'theme', value: 'dark' }])
  await previousVisit(storage, { cacheTtlMs: 60_000 })
  vi.setSystemTime(Date.now() + 60_001)
  const client = newClient({ storage, cacheTtlMs: 60_000 })
  expect(client.getState().status).toBe('loading')
  expect(client.evaluate('theme', 'none').value).toBe('none')
})

test.each([
  ['not JSON', '{oops'],
  ['another format version', JSON.stringify({ version: 99, flags: [] })],
  ['garbage flags', JSON.stringify({ version: 1, fingerprint: 'x', writtenAt: 0, flags: [1, 2] })],
])('an entry that is %s is ignored and replaced by the next answer', async (_, corrupt) => {
  const { storage, items } = memoryStorage()
  serveFlags([{ key: 'theme', value: 'dark' }])
  await previousVisit(storage)
  const [key] = [...items.keys()]
  items.set(key!, corrupt)

  const client = newClient({ storage })
  expect(client.getState().status).toBe('loading')
  await client.start()
  expect(JSON.parse(items.get(key!)!)).toMatchObject({
    version: 1,
    flags: [{ key: 'theme', value: 'dark' }],
  })
})

test('one user’s entry is never served to another user', async () => {
  const { storage } = memoryStorage()
  serveFlags([{ key: 'theme', value: 'dark' }])
  await previousVisit(storage)
  const client = newClient({ storage, context: { targetingKey: 'user-2' } })
  expect(client.getState().status).toBe('loading')
})

test('two tenants with different credentials never share an entry', async () => {
  const { storage, items } = memoryStorage()
  serveFlags([{ key: 'theme', value: 'dark' }])
  await previousVisit(storage, { headers: { Authorization: 'Bearer tenant-a' } })
  const client = newClient({ storage, headers: { Authorization: 'Bearer tenant-b' } })
  expect(client.getState().status).toBe('loading')
  expect([...items.values()].join()).not.toContain('tenant-a')
})

test('with a headers function the entry is read once the credential is known, before the request', async () => {
  const { storage } = memoryStorage()
  let release!: () => void
  let answered = false
  server.use(
    http.post(bulkUrl, async () => {
      if (answered) await new Promise<void>((resolve) => (release = resolve))
      answered = true
      return HttpResponse.json({ flags: [{ key: 'theme', value: 'dark' }] })
    }),
  )
  const headers = async () => ({ 'X-API-Key': 'key-1' })
  await previousVisit(storage, { headers })
  const client = newClient({ storage, headers })
  expect(client.getState().status).toBe('loading')
  const started = client.start()
  await vi.waitFor(() => expect(client.getState().status).toBe('stale'))
  expect(client.evaluate('theme', 'none')).toMatchObject({ value: 'dark', source: 'cache' })
  release()
  await started
})

test('network-first waits for the service and falls back to the stored values when it fails', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  const { storage } = memoryStorage()
  let down = false
  answerWith(() =>
    down
      ? new HttpResponse(null, { status: 503 })
      : HttpResponse.json({ flags: [{ key: 'theme', value: 'dark' }] }),
  )
  await previousVisit(storage)
  down = true
  const client = newClient({ storage, cacheMode: 'network-first' })
  expect(client.getState().status).toBe('loading')
  await client.start()
  expect(client.getState().status).toBe('error')
  expect(client.evaluate('theme', 'none')).toMatchObject({ value: 'dark', source: 'cache' })
})

test('disabled never reads or writes a cache entry', async () => {
  const storage = {
    getItem: vi.fn((_key: string) => null),
    setItem: vi.fn((_key: string, _value: string) => {}),
    removeItem: vi.fn(),
  }
  serveFlags([{ key: 'theme', value: 'dark' }])
  const client = newClient({ storage, cacheMode: 'disabled' })
  await client.start()
  const keys = [...storage.getItem.mock.calls, ...storage.setItem.mock.calls].map(([key]) =>
    String(key),
  )
  expect(keys.filter((key) => key.startsWith('vexil:flags:'))).toEqual([])
})

test('a storage that throws costs the cache, not the flags', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  const failing = () => {
    throw new DOMException('quota exceeded', 'QuotaExceededError')
  }
  serveFlags([{ key: 'theme', value: 'dark' }])
  const client = newClient({ storage: { getItem: failing, setItem: failing, removeItem: failing } })
  await client.start()
  expect(client.evaluate('theme', 'none').value).toBe('dark')
})

test('a context switch shows the values cached for the new user while their answer is on its way', async () => {
  const { storage } = memoryStorage()
  const service = serveFlags([{ key: 'theme', value: 'bob-theme' }])
  await previousVisit(storage, { context: { targetingKey: 'bob' } })
  service.setFlags([{ key: 'theme', value: 'alice-theme' }])
  const client = newClient({ storage, context: { targetingKey: 'alice' } })
  await client.start()
  const switched = client.setContext({ targetingKey: 'bob' })
  expect(client.getState().status).toBe('stale')
  expect(client.evaluate('theme', 'none')).toMatchObject({ value: 'bob-theme', source: 'cache' })
  await switched
})

test('stream URLs are never persisted', async () => {
  const { storage, items } = memoryStorage()
  serveFlags([{ key: 'theme', value: 'dark' }], {
    eventStreams: [{ type: 'sse', url: 'https://push.test/sse?token=secret-token' }],
  })
  await previousVisit(storage, { changeDetection: 'none' })
  expect([...items.values()].join()).not.toContain('secret-token')
})
