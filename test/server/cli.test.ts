import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { terminal } from './terminal'
import { runCli } from '../../src/server/cli/runCli'
import { closeDevServers, evaluateAll, postJson, startDevServer } from './devServerHarness'
import { shopFlags } from './flagFixtures'

afterEach(closeDevServers)

describe('usage errors', () => {
  test.each([
    [['launch'], /unknown command "launch"/],
    [['flag', 'get', 'x'], /did you mean "flag set"/],
    [['flag', 'set'], /needs the flag key/],
    [['flag', 'set', 'theme'], /nothing to change: pass --state and\/or --default-variant/],
    [['flag', 'set', 'theme', '--state', 'OFF'], /--state must be ENABLED or DISABLED, not "OFF"/],
    [['flag', 'set', 'theme', '--colour', 'red'], /Unknown option '--colour'/],
    [['dev', '--port', 'eighty'], /--port must be a whole number, not "eighty"/],
    [['dev', 'a.json', 'b.json'], /serves one flags file/],
    [['report', '--server', 'not a url'], /--server must be a URL/],
  ])('vexil %j exits with 2 and says what is wrong', async (args, message) => {
    const { io, output } = terminal()
    expect(await runCli(args, io)).toBe(2)
    expect(output.stderr).toMatch(message)
    expect(output.stderr).toMatch(/Usage:/)
  })
})

test('vexil help prints the usage', async () => {
  const { io, output } = terminal()
  expect(await runCli(['help'], io)).toBe(0)
  expect(output.stdout).toMatch(/vexil dev \[flags-file\]/)
})

test('vexil dev serves a flag file until stopped', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'vexil-cli-'))
  try {
    const flagsFile = join(directory, 'flags.json')
    writeFileSync(flagsFile, JSON.stringify(shopFlags))
    const { io, output, stop } = terminal()
    const exit = runCli(['dev', flagsFile, '--port', '0'], io)
    await expect.poll(() => output.stdout).toMatch(/vexil dev server at http:\/\/127\.0\.0\.1:\d+/)
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output.stdout)![0]
    expect((await evaluateAll(url)).theme).toMatchObject({ value: 'light' })
    stop()
    expect(await exit).toBe(0)
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
})

test('vexil dev refuses an invalid flag file and exits with 1', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'vexil-cli-'))
  try {
    const flagsFile = join(directory, 'flags.json')
    writeFileSync(flagsFile, '{"flags": {"theme": {"state": "ENABLED"}}}')
    const { io, output } = terminal()
    expect(await runCli(['dev', flagsFile, '--port', '0'], io)).toBe(1)
    expect(output.stderr).toMatch(/cannot start: .*flags\.json: flag "theme": "variants" must be/)
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
})

test('vexil flag set flips the kill switch on a running server', async () => {
  const { url } = await startDevServer(shopFlags, { adminToken: 't0ken' })
  const { io, output } = terminal({ VEXIL_ADMIN_TOKEN: 't0ken' })
  const args = [
    'flag',
    'set',
    'new-checkout',
    '--state',
    'disabled',
    '--server',
    url,
    '--actor',
    'ana',
  ]
  expect(await runCli(args, io)).toBe(0)
  expect(output.stdout).toBe('flag "new-checkout" is now DISABLED, default variant "off"\n')
  expect((await evaluateAll(url))['new-checkout']).toMatchObject({ reason: 'DISABLED' })
  const audit = await (
    await fetch(`${url}/admin/audit`, { headers: { Authorization: 'Bearer t0ken' } })
  ).json()
  expect(audit.records[0]).toMatchObject({ actor: 'ana', flag: 'new-checkout' })
})

test('vexil flag set reports what the server refused and exits with 1', async () => {
  const { url } = await startDevServer(shopFlags)
  const { io, output } = terminal()
  const args = ['flag', 'set', 'theme', '--default-variant', 'blue', '--server', url]
  expect(await runCli(args, io)).toBe(1)
  expect(output.stderr).toMatch(/answered 400: flag "theme" has no variant "blue"/)
})

test('vexil flag set says when no server is running', async () => {
  const { io, output } = terminal()
  const args = ['flag', 'set', 'theme', '--state', 'DISABLED', '--server', 'http://127.0.0.1:9']
  expect(await runCli(args, io)).toBe(1)
  expect(output.stderr).toMatch(/cannot reach the dev server at http:\/\/127\.0\.0\.1:9/)
})

test('vexil report prints exposures and conversions per variant as a table', async () => {
  const { url } = await startDevServer(shopFlags, { minSample: 2 })
  const event = (userKey: string, variation: string) => ({
    kind: 'feature',
    userKey,
    creationDate: 1_767_600_000,
    key: 'checkout-experiment',
    variation,
  })
  await postJson(`${url}/v1/data/collector`, {
    events: [
      event('a', 'control'),
      event('b', 'control'),
      event('c', 'visa'),
      event('d', 'visa'),
      { kind: 'tracking', userKey: 'c', creationDate: 1_767_600_060, key: 'purchase' },
    ],
  })
  const { io, output } = terminal({ VEXIL_SERVER: url })
  expect(await runCli(['report'], io)).toBe(0)
  expect(output.stdout).toContain('checkout-experiment (control: control)')
  expect(output.stdout).toContain('event "purchase"')
  const all = output.stdout.split('\n')
  // The conversion table comes after the flag's health table.
  const lines = all.slice(all.indexOf('  event "purchase"'))
  expect(lines.find((line) => line.trim().startsWith('variant'))).toMatch(
    /variant\s+exposed\s+converted\s+rate\s+z\s+p-value\s+verdict/,
  )
  expect(lines.find((line) => line.trim().startsWith('visa'))).toMatch(
    /visa\s+2\s+1\s+50\.00%\s+1\.155\s+0\.248\s+inconclusive/,
  )
})
