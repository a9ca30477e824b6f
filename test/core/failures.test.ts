import { delay, http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClient } from 'vexil/core'
import { answerWith, baseUrl, bulkUrl } from '../support/flagService'
import { server } from '../support/server'

let client: FlagClient | undefined
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  // The largest jitter: every retry waits its full backoff ceiling.
  vi.spyOn(Math, 'random').mockReturnValue(1)
})
afterEach(() => {
  client?.close()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const goodAnswer = () => HttpResponse.json({ flags: [{ key: 'new-checkout', value: true }] })

/** Serves good values first, then whatever `next` says. */
function serveThen(next: () => Response | Promise<Response>) {
  let answered = false
  return answerWith(() => {
    if (answered) return next()
    answered = true
    return goodAnswer()
  })
}

async function startClient(options: { timeoutMs?: number } = {}) {
  client = createFlagClient({ baseUrl, context: { targetingKey: 'user-1' }, ...options })
  await client.start()
  return client
}

describe('a server error', () => {
  test('moves to error, keeps the last-known values and says what happened', async () => {
    serveThen(() => HttpResponse.json({ errorDetails: 'database down' }, { status: 503 }))
    const client = await startClient()
    await client.refresh()
    expect(client.getState()).toMatchObject({
      status: 'error',
      error: { code: 'server', status: 503 },
    })
    expect(client.getState().error?.message).toBe('service error (503: database down)')
    expect(client.evaluate('new-checkout', false).value).toBe(true)
  })

  test('is retried with backoff and recovers to ready', async () => {
    let failing = true
    const { requests } = answerWith(() =>
      failing ? new HttpResponse(null, { status: 500 }) : goodAnswer(),
    )
    const client = await startClient()
    expect(client.getState().status).toBe('error')
    failing = false
    await vi.advanceTimersByTimeAsync(999)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toHaveLength(2)
    expect(client.getState()).toMatchObject({ status: 'ready', error: undefined })
  })

  test('a two-minute outage costs a handful of requests, backing off up to a minute', async () => {
    const { requests } = answerWith(() => new HttpResponse(null, { status: 503 }))
    await startClient()
    await vi.advanceTimersByTimeAsync(120_000)
    // Retries at 1 s, 3 s, 7 s, 15 s, 31 s, 63 s and 123 s (the cap is 60 s), so 6 in two minutes.
    expect(requests).toHaveLength(7)
  })
})

test('a network failure moves to error and is retried', async () => {
  let failing = true
  const { requests } = answerWith(() => (failing ? HttpResponse.error() : goodAnswer()))
  const client = await startClient()
  expect(client.getState().error).toMatchObject({ code: 'network' })
  expect(client.getState().error?.message).toMatch(/^network error: /)
  expect(console.warn).toHaveBeenCalledWith(
    expect.stringContaining(`[vexil] the flag service at ${baseUrl} failed: network error`),
  )
  failing = false
  await vi.advanceTimersByTimeAsync(1_000)
  expect(requests).toHaveLength(2)
  expect(client.getState().status).toBe('ready')
})

test('a request with no answer is aborted after timeoutMs and reported as a timeout', async () => {
  server.use(
    http.post(bulkUrl, async () => {
      await delay('infinite')
      return goodAnswer()
    }),
  )
  client = createFlagClient({ baseUrl, timeoutMs: 5_000 })
  const started = client.start()
  await vi.advanceTimersByTimeAsync(4_999)
  expect(client.getState().status).toBe('loading')
  await vi.advanceTimersByTimeAsync(1)
  await started
  expect(client.getState().error).toMatchObject({
    code: 'timeout',
    message: expect.stringContaining('within 5000 ms'),
  })
})

describe.each([
  [401, 'unauthorized'],
  [403, 'forbidden'],
])('a %i answer', (status, code) => {
  test('is fatal: last-known values stay and automatic retries stop', async () => {
    const { requests } = serveThen(() => new HttpResponse(null, { status }))
    const client = await startClient()
    await client.refresh()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(requests).toHaveLength(2)
    expect(client.getState()).toMatchObject({
      status: 'error',
      error: { code, status, fatal: true },
    })
    expect(client.getState().error?.message).toBe(`credentials refused (${status})`)
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringContaining('Retrying stops until refresh() or setContext().'),
    )
    expect(client.evaluate('new-checkout', false).value).toBe(true)
  })

  test('an explicit refresh tries again', async () => {
    const { requests } = answerWith(() => new HttpResponse(null, { status }))
    const client = await startClient()
    await client.refresh()
    expect(requests).toHaveLength(2)
  })
})

test('a 400 reports the OFREP error and stops retrying for this context', async () => {
  const { requests } = answerWith(() =>
    HttpResponse.json(
      { errorCode: 'INVALID_CONTEXT', errorDetails: 'targetingKey is required' },
      { status: 400 },
    ),
  )
  const client = await startClient()
  await vi.advanceTimersByTimeAsync(10 * 60_000)
  expect(requests).toHaveLength(1)
  expect(client.getState().error).toMatchObject({ code: 'bad-request', status: 400 })
  expect(client.getState().error?.message).toBe(
    'evaluation context refused (400: INVALID_CONTEXT: targetingKey is required)',
  )
})

describe('a 429 answer waits for Retry-After', () => {
  const now = Date.parse('2026-11-21T12:00:00Z')
  test.each([
    ['delta-seconds', '30'],
    ['an HTTP-date', 'Sat, 21 Nov 2026 12:00:30 GMT'],
    ['an ISO-8601 timestamp', '2026-11-21T12:00:30Z'],
  ])('given as %s', async (_, retryAfter) => {
    vi.setSystemTime(now)
    vi.spyOn(Math, 'random').mockReturnValue(0)
    let limited = true
    const { requests } = answerWith(() =>
      limited
        ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': retryAfter } })
        : goodAnswer(),
    )
    const client = await startClient()
    expect(client.getState().error).toMatchObject({ code: 'rate-limited', status: 429 })
    limited = false
    await vi.advanceTimersByTimeAsync(29_999)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toHaveLength(2)
    expect(client.getState().status).toBe('ready')
  })
})
