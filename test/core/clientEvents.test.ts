import { HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import { createFlagClient } from 'vexil/core'
import type { FlagClient, FlagClientOptions } from 'vexil/core'
import { collectorUrl, serveCollector } from '../support/collector'
import { answerWith, baseUrl, serveFlags } from '../support/flagService'
import { memoryStorage } from '../support/memoryStorage'

const clients: FlagClient[] = []
afterEach(() => {
  clients.splice(0).forEach((client) => client.close())
  vi.restoreAllMocks()
})

function startedClient(options: Partial<FlagClientOptions> = {}) {
  const client = createFlagClient({
    baseUrl,
    context: { targetingKey: 'user-1' },
    cacheMode: 'disabled',
    ...options,
  })
  clients.push(client)
  return client.start().then(() => client)
}

test('exposures held back by a failing collector are delivered exactly once after a reload', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  serveFlags(['a', 'b', 'c'].map((key) => ({ key, value: true, variant: 'on' })))
  const collector = serveCollector({ status: 503 })
  const { storage } = memoryStorage()
  const options = { storage, exposures: { url: collectorUrl, flushIntervalMs: 10 } }

  const firstPage = await startedClient(options)
  for (const key of ['a', 'b', 'c']) firstPage.expose(firstPage.evaluate(key, false))
  await new Promise((resolve) => setTimeout(resolve, 50))
  firstPage.close()
  await new Promise((resolve) => setTimeout(resolve, 50)) // its last flush on close fails too
  expect(collector.events()).toHaveLength(0)

  collector.answer(200)
  await startedClient(options)
  await vi.waitFor(() => expect(collector.events()).toHaveLength(3))
  await new Promise((resolve) => setTimeout(resolve, 50))
  const ids = collector.events().map((event) => event.id)
  expect(new Set(ids).size).toBe(3)
  expect(collector.events().map((event) => event.key)).toEqual(['a', 'b', 'c'])
})

test('change lists the flags whose values changed', async () => {
  const service = serveFlags([
    { key: 'a', value: 1 },
    { key: 'b', value: 1 },
  ])
  const client = await startedClient()
  const change = vi.fn()
  client.on('change', change)
  service.setFlags([
    { key: 'a', value: 1 },
    { key: 'b', value: 2 },
    { key: 'c', value: 3 },
  ])
  await client.refresh()
  expect(change).toHaveBeenCalledExactlyOnceWith({ keys: ['b', 'c'] })
})

test('error reports each failed request, and an unsubscribed listener hears nothing more', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  answerWith(() => new HttpResponse(null, { status: 401 }))
  const client = createFlagClient({ baseUrl, cacheMode: 'disabled' })
  clients.push(client)
  const error = vi.fn()
  const unsubscribe = client.on('error', error)
  await client.start()
  unsubscribe()
  await client.refresh()
  expect(error).toHaveBeenCalledExactlyOnceWith(
    expect.objectContaining({ code: 'unauthorized', status: 401 }),
  )
})

test('a listener that throws does not stop the others', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  serveFlags([{ key: 'a', value: true }])
  const client = await startedClient()
  const second = vi.fn()
  client.on('exposure', () => {
    throw new Error('listener bug')
  })
  client.on('exposure', second)
  client.expose(client.evaluate('a', false))
  expect(second).toHaveBeenCalledTimes(1)
})

test('track sends the current context with the OpenFeature details', async () => {
  serveFlags([])
  const collector = serveCollector()
  const client = await startedClient({ exposures: { url: collectorUrl, flushIntervalMs: 10 } })
  const track = vi.fn()
  client.on('track', track)
  client.track('signup')
  await vi.waitFor(() => expect(collector.events()).toHaveLength(1))
  expect(collector.events()[0]).toMatchObject({
    kind: 'tracking',
    key: 'signup',
    trackingEventDetails: {},
  })
  expect(track).toHaveBeenCalledWith(
    expect.objectContaining({ name: 'signup', 'feature_flag.context.id': 'user-1' }),
  )
})
