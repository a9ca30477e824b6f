import { connect } from 'node:net'
import { request } from 'node:http'
import { afterEach, expect, test } from 'vitest'
import { closeDevServers, postJson, startDevServer } from './devServerHarness'
import { shopFlags } from './flagFixtures'

afterEach(closeDevServers)

const oneMiB = 1024 * 1024

test('a body over 1 MiB is refused with 413', async () => {
  const { url } = await startDevServer(shopFlags)
  const response = await fetch(`${url}/v1/data/collector`, {
    method: 'POST',
    body: 'x'.repeat(oneMiB + 1),
  })
  expect(response.status).toBe(413)
  expect((await response.json()).error).toMatch(/larger than 1048576 bytes/)
})

test('a chunked body that grows past 1 MiB is refused with 413', async () => {
  const { url } = await startDevServer(shopFlags)
  const { port } = new URL(url)
  const status = await new Promise<number | undefined>((resolve, reject) => {
    const outgoing = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/v1/data/collector',
    })
    outgoing.on('response', (response) => {
      response.resume()
      resolve(response.statusCode)
    })
    outgoing.on('error', reject)
    for (let chunk = 0; chunk < 20; chunk += 1) outgoing.write('x'.repeat(64 * 1024))
    outgoing.end()
  })
  expect(status).toBe(413)
})

test('a body of exactly 1 MiB is read', async () => {
  const { url } = await startDevServer(shopFlags)
  const padding = 'x'.repeat(oneMiB - JSON.stringify({ events: [], meta: { padding: '' } }).length)
  const response = await postJson(`${url}/v1/data/collector`, { events: [], meta: { padding } })
  expect(response.status).toBe(200)
})

test('invalid JSON is refused with 400 and says so', async () => {
  const { url } = await startDevServer(shopFlags)
  const response = await fetch(`${url}/v1/data/collector`, { method: 'POST', body: '{"events": [' })
  expect(response.status).toBe(400)
  expect((await response.json()).error).toMatch(/^the request body is not valid JSON/)
})

test('an unknown route is a JSON 404', async () => {
  const { url } = await startDevServer(shopFlags)
  const response = await fetch(`${url}/ofrep/v2/evaluate`)
  expect(response.status).toBe(404)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect((await response.json()).error).toMatch(/no route GET \/ofrep\/v2\/evaluate/)
})

test('a known route with the wrong method is a 405 that lists the allowed methods', async () => {
  const { url } = await startDevServer(shopFlags)
  const response = await fetch(`${url}/ofrep/v1/evaluate/flags`)
  expect(response.status).toBe(405)
  expect(response.headers.get('allow')).toBe('POST, OPTIONS')
  expect((await response.json()).error).toMatch(/GET is not allowed/)
})

test('a key with broken URL encoding is a 400', async () => {
  const { url } = await startDevServer(shopFlags)
  const response = await postJson(`${url}/ofrep/v1/evaluate/flags/%E0%A4%A`, {})
  expect(response.status).toBe(400)
})

test('garbage on the socket and aborted uploads do not bring the server down', async () => {
  const { url } = await startDevServer(shopFlags)
  const { port } = new URL(url)
  await new Promise<void>((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.end('NOT HTTP AT ALL\r\n\r\n\u0000\u0001')
    })
    socket.resume()
    socket.on('close', () => resolve())
    socket.on('error', () => resolve())
  })
  await new Promise<void>((resolve) => {
    const outgoing = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/admin/flags/theme',
      headers: { 'Content-Length': '1000' },
    })
    outgoing.on('error', () => resolve())
    outgoing.write('{"state":')
    setTimeout(() => {
      outgoing.destroy()
      resolve()
    }, 50)
  })
  for (const body of ['null', '[]', '"text"', '{"context":null}', '{"context":"x"}']) {
    const response = await fetch(`${url}/ofrep/v1/evaluate/flags`, { method: 'POST', body })
    expect(response.status).toBeLessThan(500)
  }
  const response = await postJson(`${url}/ofrep/v1/evaluate/flags`, { context: {} })
  expect(response.status).toBe(200)
})
