import { http, HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClient } from 'vexil/core'
import { baseUrl, bulkUrl } from '../support/flagService'
import { server } from '../support/server'

let client: FlagClient | undefined
afterEach(() => {
  client?.close()
  vi.restoreAllMocks()
})

const good = { flags: [{ key: 'new-checkout', value: true, variant: 'on' }] }

test.each([
  [
    'a body that is not JSON',
    () => new HttpResponse('<html>oops</html>', { headers: { 'Content-Type': 'text/html' } }),
    'answer 200 is not JSON: "<html>oops</html>"',
  ],
  [
    'an empty body',
    () => new HttpResponse('', { status: 200 }),
    'answer 200 is not JSON: the body is empty',
  ],
  [
    'a JSON array',
    () => HttpResponse.json([]),
    'expected a JSON object with a "flags" array, got an array',
  ],
  [
    'no flags array',
    () => HttpResponse.json({ data: [] }),
    'expected "flags" to be an array, got missing',
  ],
  [
    'flags as an object',
    () => HttpResponse.json({ flags: { a: 1 } }),
    'expected "flags" to be an array, got an object',
  ],
  [
    'a garbage item',
    () => HttpResponse.json({ flags: [{ key: 'a', value: 1 }, 42] }),
    'flags[1] is a number, expected an object',
  ],
  [
    'an item without a key',
    () => HttpResponse.json({ flags: [{ value: 1 }] }),
    'flags[0].key is missing, expected a non-empty string',
  ],
  [
    'a numeric reason',
    () => HttpResponse.json({ flags: [{ key: 'a', value: 1, reason: 5 }] }),
    'flags[0].reason is a number, expected a string',
  ],
  [
    'a variant that is an object',
    () => HttpResponse.json({ flags: [{ key: 'a', value: 1, variant: {} }] }),
    'flags[0].variant is an object, expected a string',
  ],
  [
    'metadata that is a string',
    () => HttpResponse.json({ flags: [{ key: 'a', value: 1, metadata: 'x' }] }),
    'flags[0].metadata is a string, expected an object',
  ],
  [
    'a repeated key',
    () =>
      HttpResponse.json({
        flags: [
          { key: 'a', value: 1 },
          { key: 'a', value: 2 },
        ],
      }),
    'flags[1] repeats the key "a"',
  ],
])(
  '%s is rejected as a whole and the last good values keep serving',
  async (_, badAnswer, problem) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    let answer: () => Response = () => HttpResponse.json(good, { headers: { ETag: '"good"' } })
    server.use(http.post(bulkUrl, () => answer()))
    client = createFlagClient({ baseUrl })
    await client.start()
    answer = badAnswer
    await client.refresh()

    const state = client.getState()
    expect(state.status).toBe('error')
    expect(state.error?.code).toBe('malformed-response')
    expect(state.error?.message).toContain(problem)
    expect(client.evaluate('new-checkout', false)).toMatchObject({
      value: true,
      variant: 'on',
      source: 'network',
    })
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]?.[0]).toContain(problem)
  },
)

test('a malformed first answer leaves every read at its default', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  server.use(http.post(bulkUrl, () => HttpResponse.json({ flags: 'nope' })))
  client = createFlagClient({ baseUrl })
  await client.start()
  expect(client.getState().status).toBe('error')
  expect(client.evaluate('new-checkout', false)).toMatchObject({
    value: false,
    errorCode: 'PROVIDER_NOT_READY',
  })
})

test('extra top-level fields from newer servers are ignored', async () => {
  server.use(
    http.post(bulkUrl, () =>
      HttpResponse.json({ ...good, metadata: { version: 3 }, eventStreams: [] }),
    ),
  )
  client = createFlagClient({ baseUrl })
  await client.start()
  expect(client.getState().status).toBe('ready')
})
