import { afterEach, expect, test } from 'vitest'
import { request } from 'node:http'
import {
  closeDevServers,
  eventually,
  openEventStream,
  postJson,
  startDevServer,
} from './devServerHarness'
import { shopFlags } from './flagFixtures'

afterEach(closeDevServers)

test('the event stream answers as text/event-stream', async () => {
  const { url } = await startDevServer(shopFlags)
  const stream = await openEventStream(`${url}/ofrep/v1/events`)
  expect(stream.response.status).toBe(200)
  expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  stream.close()
})

test('an admin change sends a refetchEvaluation message with the config etag', async () => {
  const { url } = await startDevServer(shopFlags)
  const stream = await openEventStream(`${url}/ofrep/v1/events`)
  await postJson(`${url}/admin/flags/new-checkout`, { state: 'DISABLED', actor: 'ana' })
  const event = await stream.nextEvent()
  expect(event).toMatchObject({ id: '1', event: 'message' })
  expect(event.data).toEqual({
    type: 'refetchEvaluation',
    etag: expect.stringMatching(/^"[\w-]+"$/),
    lastModified: expect.any(Number),
  })
  const { lastModified } = event.data as { lastModified: number }
  expect(Math.abs(lastModified - Date.now() / 1000)).toBeLessThan(5)
  stream.close()
})

test('each change gets the next event id and a new etag', async () => {
  const { url } = await startDevServer(shopFlags)
  const stream = await openEventStream(`${url}/ofrep/v1/events`)
  await postJson(`${url}/admin/flags/theme`, { defaultVariant: 'dark' })
  await postJson(`${url}/admin/flags/theme`, { defaultVariant: 'light' })
  const first = await stream.nextEvent()
  const second = await stream.nextEvent()
  expect([first.id, second.id]).toEqual(['1', '2'])
  expect((first.data as { etag: string }).etag).not.toBe((second.data as { etag: string }).etag)
  stream.close()
})

test('a saved edit of the flag file sends a refetchEvaluation message', async () => {
  const { url, writeFlags } = await startDevServer(shopFlags)
  const stream = await openEventStream(`${url}/ofrep/v1/events`)
  writeFlags({
    ...shopFlags,
    flags: { ...shopFlags.flags, theme: { ...shopFlags.flags.theme, defaultVariant: 'dark' } },
  })
  const event = await stream.nextEvent()
  expect(event.data).toMatchObject({ type: 'refetchEvaluation' })
  stream.close()
})

test('an idle stream gets keep-alive comments', async () => {
  const { url } = await startDevServer(shopFlags, { keepAliveMs: 30 })
  const stream = await openEventStream(`${url}/ofrep/v1/events`)
  expect(await stream.nextComment()).toBe(': connected')
  expect(await stream.nextComment()).toBe(': keep-alive')
  stream.close()
})

test('a client that reconnects after missing a change gets the latest event at once', async () => {
  const { url } = await startDevServer(shopFlags)
  await postJson(`${url}/admin/flags/theme`, { defaultVariant: 'dark' })
  const stream = await openEventStream(`${url}/ofrep/v1/events`, { 'Last-Event-ID': '0' })
  expect(await stream.nextEvent()).toMatchObject({ id: '1', data: { type: 'refetchEvaluation' } })
  stream.close()
})

test('1,000 connect and disconnect cycles leave no stream open', async () => {
  const { server, url } = await startDevServer(shopFlags)
  const { port } = new URL(url)
  const agentless = () =>
    new Promise<void>((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port, path: '/ofrep/v1/events', agent: false })
      outgoing.on('response', (response) => {
        response.once('data', () => {
          outgoing.destroy()
          resolve()
        })
      })
      outgoing.on('error', reject)
      outgoing.end()
    })
  for (let batch = 0; batch < 10; batch += 1) {
    await Promise.all(Array.from({ length: 100 }, agentless))
  }
  await eventually(() => expect(server.openStreamCount()).toBe(0))
  // The server still works afterwards.
  const response = await postJson(`${url}/ofrep/v1/evaluate/flags`, {})
  expect(response.status).toBe(200)
}, 30_000)

test('an open stream does not keep the server from closing', async () => {
  const { server, url } = await startDevServer(shopFlags)
  await openEventStream(`${url}/ofrep/v1/events`)
  await eventually(() => expect(server.openStreamCount()).toBe(1))
  await server.close()
  expect(server.openStreamCount()).toBe(0)
})
