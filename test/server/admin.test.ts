import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { closeDevServers, evaluateAll, postJson, startDevServer } from './devServerHarness'
import { shopFlags } from './flagFixtures'

afterEach(closeDevServers)

test('the kill switch disables a flag for every client at once', async () => {
  const { url } = await startDevServer(shopFlags)
  const response = await postJson(`${url}/admin/flags/new-checkout`, {
    state: 'DISABLED',
    actor: 'ana',
  })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({
    key: 'new-checkout',
    state: 'DISABLED',
    defaultVariant: 'off',
    variants: ['on', 'off'],
  })
  const flags = await evaluateAll(url, { email: 'ana@example.com' })
  expect(flags['new-checkout']).toMatchObject({ reason: 'DISABLED' })
  expect(flags['new-checkout']).not.toHaveProperty('value')
})

test('changing the default variant changes what users without a targeting match get', async () => {
  const { url } = await startDevServer(shopFlags)
  await postJson(`${url}/admin/flags/new-checkout`, { defaultVariant: 'on' })
  const flags = await evaluateAll(url, { email: 'bo@gmail.com' })
  expect(flags['new-checkout']).toMatchObject({ value: true, variant: 'on' })
})

test('an admin change never writes the flag file', async () => {
  const { url, flagsFile } = await startDevServer(shopFlags)
  const before = readFileSync(flagsFile, 'utf8')
  await postJson(`${url}/admin/flags/theme`, { defaultVariant: 'dark' })
  expect(readFileSync(flagsFile, 'utf8')).toBe(before)
})

test('each change appends an audit record with actor, time, before and after', async () => {
  const { url, directory } = await startDevServer(shopFlags)
  await postJson(`${url}/admin/flags/new-checkout`, { state: 'DISABLED', actor: 'ana' })
  await postJson(`${url}/admin/flags/theme`, { defaultVariant: 'dark' })
  const lines = readFileSync(join(directory, '.vexil/audit.jsonl'), 'utf8').trim().split('\n')
  expect(lines.map((line) => JSON.parse(line))).toEqual([
    {
      actor: 'ana',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      flag: 'new-checkout',
      before: { state: 'ENABLED', defaultVariant: 'off' },
      after: { state: 'DISABLED', defaultVariant: 'off' },
    },
    {
      actor: 'anonymous',
      time: expect.any(String),
      flag: 'theme',
      before: { state: 'ENABLED', defaultVariant: 'light' },
      after: { state: 'ENABLED', defaultVariant: 'dark' },
    },
  ])
})

test('GET /admin/audit answers the recorded changes', async () => {
  const { url } = await startDevServer(shopFlags)
  await postJson(`${url}/admin/flags/new-checkout`, { state: 'DISABLED', actor: 'ana' })
  const response = await fetch(`${url}/admin/audit`)
  expect(await response.json()).toEqual({
    records: [expect.objectContaining({ actor: 'ana', flag: 'new-checkout' })],
  })
})

test('the audit log path is configurable', async () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'vexil-audit-'))
  try {
    const auditLog = join(elsewhere, 'changes.jsonl')
    const { url } = await startDevServer(shopFlags, { auditLog })
    await postJson(`${url}/admin/flags/theme`, { defaultVariant: 'dark' })
    expect(JSON.parse(readFileSync(auditLog, 'utf8'))).toMatchObject({ flag: 'theme' })
  } finally {
    rmSync(elsewhere, { recursive: true, force: true })
  }
})

describe('with an admin token', () => {
  const adminToken = 's3cret'

  test('a change without the token is refused with 401', async () => {
    const { url } = await startDevServer(shopFlags, { adminToken })
    const response = await postJson(`${url}/admin/flags/theme`, { defaultVariant: 'dark' })
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect((await response.json()).error).toMatch(/Authorization: Bearer/)
    expect((await evaluateAll(url)).theme).toMatchObject({ value: 'light' })
  })

  test('a change with a wrong token is refused with 401', async () => {
    const { url } = await startDevServer(shopFlags, { adminToken })
    const response = await postJson(
      `${url}/admin/flags/theme`,
      { defaultVariant: 'dark' },
      { Authorization: 'Bearer guess' },
    )
    expect(response.status).toBe(401)
  })

  test('a change with the token is made', async () => {
    const { url } = await startDevServer(shopFlags, { adminToken })
    const response = await postJson(
      `${url}/admin/flags/theme`,
      { defaultVariant: 'dark' },
      { Authorization: `Bearer ${adminToken}` },
    )
    expect(response.status).toBe(200)
  })

  test('reading the audit log needs the token too', async () => {
    const { url } = await startDevServer(shopFlags, { adminToken })
    expect((await fetch(`${url}/admin/audit`)).status).toBe(401)
    const authorized = await fetch(`${url}/admin/audit`, {
      headers: { Authorization: `Bearer ${adminToken}` },
    })
    expect(authorized.status).toBe(200)
  })

  test('evaluation needs no token', async () => {
    const { url } = await startDevServer(shopFlags, { adminToken })
    expect((await postJson(`${url}/ofrep/v1/evaluate/flags`, {})).status).toBe(200)
  })
})

describe('a body that is not a valid change is refused and changes nothing', () => {
  test.each([
    ['an unknown flag', 'nope', { state: 'DISABLED' }, 404, /no flag "nope"/],
    [
      'an unknown variant',
      'theme',
      { defaultVariant: 'blue' },
      400,
      /no variant "blue"; its variants are "light", "dark"/,
    ],
    ['no change at all', 'theme', { actor: 'ana' }, 400, /nothing to change/],
    ['an empty object', 'theme', {}, 400, /nothing to change/],
    ['extra fields', 'theme', { state: 'DISABLED', value: 'dark' }, 400, /unknown field "value"/],
    ['an unknown state', 'theme', { state: 'OFF' }, 400, /"state" must be "ENABLED" or "DISABLED"/],
    ['a variant that is not a string', 'theme', { defaultVariant: 1 }, 400, /no variant 1/],
    ['an empty actor', 'theme', { state: 'DISABLED', actor: ' ' }, 400, /"actor"/],
    ['an array', 'theme', ['DISABLED'], 400, /expected a JSON object/],
  ])('%s', async (_case, key, body, status, message) => {
    const { url, directory } = await startDevServer(shopFlags)
    const response = await postJson(`${url}/admin/flags/${key}`, body)
    expect(response.status).toBe(status)
    expect((await response.json()).error).toMatch(message)
    expect((await evaluateAll(url)).theme).toMatchObject({ value: 'light' })
    expect(() => readFileSync(join(directory, '.vexil/audit.jsonl'))).toThrow()
  })

  test('invalid JSON', async () => {
    const { url } = await startDevServer(shopFlags)
    const response = await fetch(`${url}/admin/flags/theme`, { method: 'POST', body: '{state:' })
    expect(response.status).toBe(400)
    expect((await response.json()).error).toMatch(/not valid JSON/)
  })
})
