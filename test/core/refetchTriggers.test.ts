// @vitest-environment jsdom
import { HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClient, FlagClientOptions } from 'vexil/core'
import { fakeEventSources } from '../support/fakeEventSources'
import { answerWith, baseUrl, serveFlags } from '../support/flagService'
import { setNetwork, setPageVisibility } from '../support/page'

let client: FlagClient | undefined
beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  })
  vi.spyOn(Math, 'random').mockReturnValue(1)
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  client?.close()
  setPageVisibility('visible')
  setNetwork('online')
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function startClient(options: Partial<FlagClientOptions> = {}) {
  client = createFlagClient({ baseUrl, cacheMode: 'disabled', ...options })
  return client.start().then(() => client as FlagClient)
}

describe('polling', () => {
  test('is off by default', async () => {
    const service = serveFlags([])
    await startClient()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(service.requests).toHaveLength(1)
  })

  test('refetches every pollIntervalMs and reports polling', async () => {
    const service = serveFlags([])
    const client = await startClient({ changeDetection: 'polling', pollIntervalMs: 30_000 })
    expect(client.getState().connection).toBe('polling')
    await vi.advanceTimersByTimeAsync(90_000)
    expect(service.requests).toHaveLength(4)
    expect(service.requests[3]?.headers.get('if-none-match')).toBe('"v1"')
  })

  test('pauses while the page is hidden and catches up on return', async () => {
    const service = serveFlags([])
    await startClient({ changeDetection: 'polling', pollIntervalMs: 30_000 })
    setPageVisibility('hidden')
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(service.requests).toHaveLength(1)
    setPageVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(service.requests).toHaveLength(2)
  })

  test('takes over when the service offers no stream, with sse and an interval set', async () => {
    const service = serveFlags([])
    const client = await startClient({
      pollIntervalMs: 30_000,
      EventSource: fakeEventSources().EventSource,
    })
    expect(client.getState().connection).toBe('polling')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(service.requests).toHaveLength(2)
  })

  test('covers for a failing stream and stops once it is open again', async () => {
    const sources = fakeEventSources()
    const service = serveFlags([], {
      eventStreams: [{ type: 'sse', url: 'https://flags.test/sse' }],
    })
    const client = await startClient({ pollIntervalMs: 30_000, EventSource: sources.EventSource })
    sources.live()[0]?.open()
    expect(client.getState().connection).toBe('streaming')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(service.requests).toHaveLength(1)

    sources.live()[0]?.fail()
    expect(client.getState().connection).toBe('polling')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(service.requests.length).toBeGreaterThanOrEqual(2)

    sources.live()[0]?.open()
    await vi.advanceTimersByTimeAsync(0) // the refetch every reconnect owes
    const requestsWhenBack = service.requests.length
    await vi.advanceTimersByTimeAsync(120_000)
    expect(client.getState().connection).toBe('streaming')
    expect(service.requests).toHaveLength(requestsWhenBack)
  })

  test("'polling' without an interval is refused with a fix", () => {
    expect(() => createFlagClient({ baseUrl, changeDetection: 'polling' })).toThrow(
      /needs `pollIntervalMs`/,
    )
  })
})

describe('the page', () => {
  test('becoming visible again revalidates the flags', async () => {
    const service = serveFlags([])
    await startClient()
    setPageVisibility('hidden')
    setPageVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(service.requests).toHaveLength(2)
    expect(service.requests[1]?.headers.get('if-none-match')).toBe('"v1"')
  })

  test('going offline is reported and holds retries until it is back online', async () => {
    let down = true
    const { requests } = answerWith(() =>
      down ? HttpResponse.error() : HttpResponse.json({ flags: [] }),
    )
    const client = await startClient()
    setNetwork('offline')
    expect(client.getState().connection).toBe('offline')
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(requests).toHaveLength(1)

    down = false
    setNetwork('online')
    await vi.advanceTimersByTimeAsync(0)
    expect(requests).toHaveLength(2)
    expect(client.getState()).toMatchObject({ status: 'ready', connection: 'idle' })
  })

  test('listeners are removed on close', async () => {
    const service = serveFlags([])
    const client = await startClient()
    client.close()
    setPageVisibility('hidden')
    setPageVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(service.requests).toHaveLength(1)
  })
})

test('a fatal error stops automatic refetches but not explicit ones', async () => {
  const { requests } = answerWith(() => new HttpResponse(null, { status: 401 }))
  const client = await startClient({ changeDetection: 'polling', pollIntervalMs: 1_000 })
  setPageVisibility('hidden')
  setPageVisibility('visible')
  await vi.advanceTimersByTimeAsync(60_000)
  expect(requests).toHaveLength(1)
  await client.refresh()
  expect(requests).toHaveLength(2)
})
