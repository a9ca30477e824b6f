// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClient, FlagClientOptions } from 'vexil/core'
import { fakeEventSources } from '../support/fakeEventSources'
import { baseUrl, serveFlags } from '../support/flagService'
import type { FlagItem } from '../support/flagService'
import { setPageVisibility } from '../support/page'

const streamUrl = 'https://stream.flags.test/events?channel=secret-token'

let client: FlagClient | undefined
beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  })
  vi.spyOn(Math, 'random').mockReturnValue(1)
})
afterEach(() => {
  client?.close()
  setPageVisibility('visible')
  vi.useRealTimers()
  vi.restoreAllMocks()
})

async function connectedClient(
  items: FlagItem[] = [{ key: 'banner', value: false }],
  eventStreams: unknown[] = [{ type: 'sse', url: streamUrl, inactivityDelaySec: 60 }],
  options: Partial<FlagClientOptions> = {},
) {
  const service = serveFlags(items, { eventStreams })
  const sources = fakeEventSources()
  client = createFlagClient({
    baseUrl,
    context: { targetingKey: 'user-1' },
    EventSource: sources.EventSource,
    cacheMode: 'disabled',
    ...options,
  })
  await client.start()
  return { client, service, sources }
}

test('connects to the SSE stream the service advertises and reports streaming once it opens', async () => {
  const { client, sources } = await connectedClient()
  expect(sources.live().map((source) => source.url)).toEqual([streamUrl])
  expect(client.getState().connection).toBe('connecting')
  sources.live()[0]?.open()
  expect(client.getState().connection).toBe('streaming')
})

test('a refetchEvaluation notice refetches with its etag and lastModified and If-None-Match', async () => {
  const { client, service, sources } = await connectedClient()
  sources.live()[0]?.open()
  service.setFlags([{ key: 'banner', value: true }])
  sources.live()[0]?.send({ type: 'refetchEvaluation', etag: '"cfg-7"', lastModified: 1771622898 })
  await vi.advanceTimersByTimeAsync(10)
  const refetch = service.requests[1]
  expect(refetch?.url.searchParams.get('flagConfigEtag')).toBe('"cfg-7"')
  expect(refetch?.url.searchParams.get('flagConfigLastModified')).toBe('1771622898')
  expect(refetch?.headers.get('if-none-match')).toBe('"v1"')
  expect(client.evaluate('banner', false).value).toBe(true)
})

test('a burst of notices costs one refetch', async () => {
  const { service, sources } = await connectedClient()
  const source = sources.live()[0]
  source?.open()
  for (let index = 0; index < 20; index++)
    source?.send({ type: 'refetchEvaluation', etag: `"cfg-${index}"` })
  await vi.advanceTimersByTimeAsync(1_000)
  expect(service.requests).toHaveLength(2)
  expect(service.requests[1]?.url.searchParams.get('flagConfigEtag')).toBe('"cfg-19"')
})

test.each([
  ['an unknown event type', { type: 'configurationDeleted' }],
  ['data that is not JSON', 'not json'],
  ['JSON without a type', { etag: '"x"' }],
])('%s is ignored', async (_, data) => {
  const { service, sources } = await connectedClient()
  sources.live()[0]?.open()
  sources.live()[0]?.send(data)
  await vi.advanceTimersByTimeAsync(1_000)
  expect(service.requests).toHaveLength(1)
})

describe('stream descriptors', () => {
  test.each([
    ['a url', { type: 'sse', url: 'https://other.test/sse' }, 'https://other.test/sse'],
    [
      'an endpoint path on the base URL origin',
      { type: 'sse', endpoint: '/ofrep/v1/events' },
      'https://flags.test/ofrep/v1/events',
    ],
    [
      'an endpoint with its own origin',
      { type: 'sse', endpoint: { origin: 'https://push.test', requestUri: '/sse?x=1' } },
      'https://push.test/sse?x=1',
    ],
    [
      'an endpoint without an origin',
      { type: 'sse', endpoint: { requestUri: '/sse' } },
      'https://flags.test/sse',
    ],
  ])('connects to %s', async (_, descriptor, expected) => {
    const { sources } = await connectedClient(undefined, [descriptor])
    expect(sources.live().map((source) => source.url)).toEqual([expected])
  })

  test('entries of unknown type or shape are skipped without failing the answer', async () => {
    const { client, sources } = await connectedClient(undefined, [
      { type: 'websocket', url: 'wss://x.test' },
      { type: 'sse' },
      'junk',
      { type: 'sse', url: streamUrl },
    ])
    expect(client.getState().status).toBe('ready')
    expect(sources.live().map((source) => source.url)).toEqual([streamUrl])
  })

  test('without eventStreams there is nothing to connect to', async () => {
    const { client, sources } = await connectedClient(undefined, [])
    expect(sources.instances).toHaveLength(0)
    expect(client.getState().connection).toBe('idle')
  })
})

describe('reconnecting', () => {
  test('a dropped stream reconnects with backoff and refetches once it is back', async () => {
    const { service, sources } = await connectedClient()
    sources.live()[0]?.open()
    sources.live()[0]?.fail()
    expect(sources.live()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(999)
    expect(sources.live()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(sources.live()).toHaveLength(1)
    sources.live()[0]?.open()
    await vi.advanceTimersByTimeAsync(0)
    expect(service.requests).toHaveLength(2)
  })

  test('reconnect attempts wait 1 s, 2 s, 4 s … up to a minute, one attempt per wait', async () => {
    const { sources } = await connectedClient()
    for (const delay of [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]) {
      const attempts = sources.instances.length
      sources.live()[0]?.fail()
      await vi.advanceTimersByTimeAsync(delay - 1)
      expect(sources.instances).toHaveLength(attempts)
      await vi.advanceTimersByTimeAsync(1)
      expect(sources.instances).toHaveLength(attempts + 1)
    }
  })

  test('a stream that stays up for a while starts its backoff afresh', async () => {
    const { sources } = await connectedClient()
    for (let failure = 0; failure < 4; failure++) {
      sources.live()[0]?.fail()
      await vi.advanceTimersByTimeAsync(60_000)
    }
    sources.live()[0]?.open()
    await vi.advanceTimersByTimeAsync(30_000)
    const attempts = sources.instances.length
    sources.live()[0]?.fail()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(sources.instances).toHaveLength(attempts + 1)
  })

  test('a stream that cannot be opened is reported without its URL', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    class RefusingEventSource {
      constructor(url: string) {
        throw new TypeError(`refused ${url}`)
      }
    }
    await connectedClient(undefined, undefined, {
      EventSource: RefusingEventSource as unknown as FlagClientOptions['EventSource'],
    })
    await vi.advanceTimersByTimeAsync(5_000)
    const printed = [...warn.mock.calls, ...error.mock.calls].flat().join(' ')
    expect(printed).toContain('could not open the change stream')
    expect(printed).not.toContain('secret-token')
  })
})

describe('a hidden page', () => {
  test('closes the stream after the service’s inactivity delay', async () => {
    const { client, sources } = await connectedClient()
    sources.live()[0]?.open()
    setPageVisibility('hidden')
    await vi.advanceTimersByTimeAsync(59_999)
    expect(sources.live()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(sources.live()).toHaveLength(0)
    expect(client.getState().connection).toBe('idle')
  })

  test('uses the client’s inactivityDelaySec over the service’s', async () => {
    const { sources } = await connectedClient(undefined, undefined, { inactivityDelaySec: 5 })
    setPageVisibility('hidden')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(sources.live()).toHaveLength(0)
  })

  test('defaults to 120 seconds when the service gives no delay', async () => {
    const { sources } = await connectedClient(undefined, [{ type: 'sse', url: streamUrl }])
    setPageVisibility('hidden')
    await vi.advanceTimersByTimeAsync(119_999)
    expect(sources.live()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(sources.live()).toHaveLength(0)
  })

  test('on return reconnects and refetches unconditionally', async () => {
    const { service, sources } = await connectedClient()
    setPageVisibility('hidden')
    await vi.advanceTimersByTimeAsync(60_000)
    setPageVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(sources.live()).toHaveLength(1)
    expect(service.requests).toHaveLength(2)
    expect(service.requests[1]?.headers.get('if-none-match')).toBeNull()
    expect(service.requests[1]?.url.search).toBe('')
  })

  test('that returns before the delay keeps its stream and revalidates with If-None-Match', async () => {
    const { service, sources } = await connectedClient()
    const source = sources.live()[0]
    setPageVisibility('hidden')
    await vi.advanceTimersByTimeAsync(10_000)
    setPageVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(sources.live()).toEqual([source])
    expect(service.requests[1]?.headers.get('if-none-match')).toBe('"v1"')
  })
})

test('close disconnects the stream', async () => {
  const { client, sources } = await connectedClient()
  client.close()
  expect(sources.live()).toHaveLength(0)
  expect(client.getState().connection).toBe('idle')
})
