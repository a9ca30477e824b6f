import { afterEach, expect, test } from 'vitest'
import { closeDevServers, postJson, startDevServer } from './devServerHarness'
import { shopFlags } from './flagFixtures'

afterEach(closeDevServers)

test('a bulk answer carries a strong ETag', async () => {
  const { url } = await startDevServer(shopFlags)
  const response = await postJson(`${url}/ofrep/v1/evaluate/flags`, { context: {} })
  expect(response.headers.get('etag')).toMatch(/^"[\w-]+"$/)
})

test('a refetch with the same ETag gets 304 and no body', async () => {
  const { url } = await startDevServer(shopFlags)
  const context = { context: { targetingKey: 'user-1' } }
  const first = await postJson(`${url}/ofrep/v1/evaluate/flags`, context)
  const etag = first.headers.get('etag')!
  const second = await postJson(`${url}/ofrep/v1/evaluate/flags`, context, {
    'If-None-Match': etag,
  })
  expect(second.status).toBe(304)
  expect(second.headers.get('etag')).toBe(etag)
  expect(await second.text()).toBe('')
})

test('different contexts get different ETags', async () => {
  const { url } = await startDevServer(shopFlags)
  const etagFor = async (email: string) =>
    (await postJson(`${url}/ofrep/v1/evaluate/flags`, { context: { email } })).headers.get('etag')
  expect(await etagFor('ana@example.com')).not.toBe(await etagFor('bo@gmail.com'))
})

test('an ETag for another context is answered in full', async () => {
  const { url } = await startDevServer(shopFlags)
  const staff = await postJson(`${url}/ofrep/v1/evaluate/flags`, {
    context: { email: 'ana@example.com' },
  })
  const customer = await postJson(
    `${url}/ofrep/v1/evaluate/flags`,
    { context: { email: 'bo@gmail.com' } },
    { 'If-None-Match': staff.headers.get('etag')! },
  )
  expect(customer.status).toBe(200)
})

test('the SDK refetch query parameters are accepted and the 304 still follows If-None-Match', async () => {
  const { url } = await startDevServer(shopFlags)
  const first = await postJson(`${url}/ofrep/v1/evaluate/flags`, { context: {} })
  const refetch = await postJson(
    `${url}/ofrep/v1/evaluate/flags?flagConfigEtag=%22abc%22&flagConfigLastModified=1771622898`,
    { context: {} },
    { 'If-None-Match': first.headers.get('etag')! },
  )
  expect(refetch.status).toBe(304)
  const unconditional = await postJson(`${url}/ofrep/v1/evaluate/flags?flagConfigEtag=%22abc%22`, {
    context: {},
  })
  expect(unconditional.status).toBe(200)
})

test('a preflight request is answered with the origin, methods and the SDK headers', async () => {
  const { url } = await startDevServer(shopFlags)
  const response = await fetch(`${url}/ofrep/v1/evaluate/flags`, {
    method: 'OPTIONS',
    headers: {
      Origin: 'http://localhost:5173',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,authorization,x-api-key,if-none-match',
    },
  })
  expect(response.status).toBe(204)
  expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
  expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/)
  const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase()
  for (const header of ['content-type', 'authorization', 'x-api-key', 'if-none-match']) {
    expect(allowed).toContain(header)
  }
})

test('a cross-origin answer lets the page read its ETag', async () => {
  const { url } = await startDevServer(shopFlags)
  const response = await postJson(
    `${url}/ofrep/v1/evaluate/flags`,
    { context: {} },
    { Origin: 'http://localhost:5173' },
  )
  expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
  expect(response.headers.get('access-control-expose-headers')).toMatch(/ETag/i)
})
