import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClient } from 'vexil/core'
import { ofrepHandlers } from 'vexil/testing/msw'
import { server } from '../support/server'

const baseUrl = 'https://flags.test'
let statuses: number[]
const clients: FlagClient[] = []

function recordStatuses({ response }: { response: Response }) {
  statuses.push(response.status)
}

beforeEach(() => {
  statuses = []
  server.events.on('response:mocked', recordStatuses)
})

afterEach(() => {
  server.events.removeListener('response:mocked', recordStatuses)
  clients.splice(0).forEach((client) => client.close())
  vi.restoreAllMocks()
})

function startedClient(context = { targetingKey: 'user-1' }) {
  const client = createFlagClient({
    baseUrl,
    context,
    cacheMode: 'disabled',
    changeDetection: 'none',
  })
  clients.push(client)
  return client
}

test('the real client reads the flags the handlers serve', async () => {
  server.use(...ofrepHandlers({ 'new-checkout': true, theme: 'dark' }, { baseUrl }))
  const client = startedClient()
  await client.start()
  expect(client.evaluate('new-checkout', false).value).toBe(true)
  expect(client.evaluate('theme', 'light').value).toBe('dark')
})

test('a refresh sends the ETag back and an unchanged answer is a 304', async () => {
  server.use(...ofrepHandlers({ 'new-checkout': true }, { baseUrl }))
  const client = startedClient()
  await client.start()
  await client.refresh()
  expect(statuses).toEqual([200, 304])
  expect(client.getState().status).toBe('ready')
  expect(client.evaluate('new-checkout', false).value).toBe(true)
})

test('a changed answer carries a new ETag, so the refresh gets it in full', async () => {
  server.use(...ofrepHandlers({ 'new-checkout': true }, { baseUrl }))
  const client = startedClient()
  await client.start()
  server.use(...ofrepHandlers({ 'new-checkout': false }, { baseUrl }))
  await client.refresh()
  expect(statuses).toEqual([200, 200])
  expect(client.evaluate('new-checkout', true).value).toBe(false)
})

test('a failure item serves the default with its error code', async () => {
  server.use(
    ...ofrepHandlers(
      { theme: 'dark' },
      { baseUrl, failures: { 'new-checkout': 'FLAG_NOT_FOUND', limits: 'PARSE_ERROR' } },
    ),
  )
  const client = startedClient()
  await client.start()
  expect(client.evaluate('new-checkout', true)).toMatchObject({
    value: true,
    errorCode: 'FLAG_NOT_FOUND',
  })
  expect(client.evaluate('limits', 3)).toMatchObject({ value: 3, errorCode: 'PARSE_ERROR' })
  expect(client.evaluate('theme', 'light').value).toBe('dark')
})

test('a whole-request failure puts the client in error', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  server.use(...ofrepHandlers({ 'new-checkout': true }, { baseUrl, failRequest: { status: 500 } }))
  const client = startedClient()
  await client.start()
  const { status, error } = client.getState()
  expect([status, error?.code, error?.status]).toEqual(['error', 'server', 500])
  expect(client.evaluate('new-checkout', false).value).toBe(false)
})

test('flags given as a function answer each user with their own values', async () => {
  server.use(
    ...ofrepHandlers((context) => ({ 'new-checkout': context.targetingKey === 'staff-1' }), {
      baseUrl,
    }),
  )
  const client = startedClient({ targetingKey: 'user-1' })
  await client.start()
  expect(client.evaluate('new-checkout', true).value).toBe(false)
  await client.setContext({ targetingKey: 'staff-1' })
  expect(client.evaluate('new-checkout', false).value).toBe(true)
})

test('latencyMs holds the answer back', async () => {
  server.use(...ofrepHandlers({ 'new-checkout': true }, { baseUrl, latencyMs: 50 }))
  const client = startedClient()
  const started = Date.now()
  await client.start()
  expect(Date.now() - started).toBeGreaterThanOrEqual(45)
  expect(client.evaluate('new-checkout', false).value).toBe(true)
})

test('single-flag evaluation answers a known flag, and 404 for an unknown one', async () => {
  server.use(...ofrepHandlers({ 'new-checkout': true }, { baseUrl }))
  const evaluate = (key: string) =>
    fetch(`${baseUrl}/ofrep/v1/evaluate/flags/${key}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ context: { targetingKey: 'user-1' } }),
    })
  const known = await evaluate('new-checkout')
  const unknown = await evaluate('old-checkout')
  expect([known.status, await known.json()]).toEqual([
    200,
    { key: 'new-checkout', value: true, reason: 'STATIC' },
  ])
  expect([unknown.status, (await unknown.json()).errorCode]).toEqual([404, 'FLAG_NOT_FOUND'])
})
