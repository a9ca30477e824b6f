import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { FlagFileError } from 'vexil/server'
import type { CollectorEvent, StaleFlagsReport } from 'vexil/server'
import { terminal } from './terminal'
import { runCli } from '../../src/server/cli/runCli'
import type { FlagDefinition, FlagDefinitionFile } from '../../src/server/flagDefinition'
import { findFullRollout } from '../../src/server/stale/findFullRollout'
import { parseExpires } from '../../src/server/stale/parseExpires'
import { servedFormHash } from '../../src/server/stale/servedFormHash'
import {
  closeDevServers,
  eventually,
  evaluateAll,
  postJson,
  startDevServer,
} from './devServerHarness'

const dayMs = 86_400_000
const directories: string[] = []

afterEach(async () => {
  await closeDevServers()
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true })
})

const ownedFlags: FlagDefinitionFile = {
  flags: {
    'old-banner': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
      targeting: { if: [{ '==': [{ var: 'plan' }, 'pro'] }, 'on'] },
      metadata: { owner: 'growth', expires: '2020-01-31' },
    },
    'new-checkout': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
      // What a completed rollout leaves: every user in one bucket.
      targeting: { fractional: [['on', 100]] },
    },
    'legacy-search': {
      state: 'DISABLED',
      variants: { on: true, off: false },
      defaultVariant: 'on',
    },
    'dark-mode': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
      targeting: { if: [{ '==': [{ var: 'beta' }, true] }, 'on'] },
    },
    'checkout-experiment': {
      state: 'ENABLED',
      variants: { control: 'card', visa: 'visa' },
      defaultVariant: 'control',
      targeting: {
        fractional: [
          ['control', 50],
          ['visa', 50],
        ],
      },
      metadata: { owner: 'payments', expires: '2999-12-31' },
    },
  },
}

function withFlag(key: string, change: Partial<FlagDefinition>): FlagDefinitionFile {
  const flag = ownedFlags.flags[key]!
  return { flags: { ...ownedFlags.flags, [key]: { ...flag, ...change } } }
}

/** A history file, as an earlier run would have left it, saying `keys` are served since `since`. */
function historyFile(keys: string[] = [], since = new Date()): string {
  const directory = mkdtempSync(join(tmpdir(), 'vexil-history-'))
  directories.push(directory)
  const path = join(directory, 'flag-history.json')
  const flags = Object.fromEntries(
    keys.map((key) => [
      key,
      { hash: servedFormHash(ownedFlags.flags[key]!), since: since.toISOString() },
    ]),
  )
  if (keys.length > 0) writeFileSync(path, JSON.stringify({ flags }))
  return path
}

function exposure(key: string, variation: string, userKey: string): CollectorEvent {
  return { kind: 'feature', userKey, creationDate: Date.now(), key, variation }
}

/** Users have seen every flag that is still in use: the rollout and the experiment. */
async function exposeFlagsInUse(url: string): Promise<void> {
  const events = [
    exposure('new-checkout', 'on', 'ana'),
    exposure('checkout-experiment', 'control', 'ana'),
    exposure('checkout-experiment', 'visa', 'bo'),
  ]
  expect((await postJson(`${url}/v1/data/collector`, { events })).status).toBe(200)
}

async function staleFlags(url: string, query = ''): Promise<StaleFlagsReport> {
  const response = await fetch(`${url}/v1/data/stale${query}`)
  expect(response.status).toBe(200)
  return response.json()
}

async function vexil(args: string[]) {
  const { io, output } = terminal()
  return { exitCode: await runCli(args, io), ...output }
}

function lineOf(output: string, key: string): string | undefined {
  return output.split('\n').find((line) => line.trim().startsWith(`${key} `))
}

describe('kill dates', () => {
  test.each([
    ['2026-01-31', '2026-02-01T00:00:00.000Z'],
    ['2026-01-31T17:00:00Z', '2026-01-31T17:00:00.000Z'],
    ['2026-01-31T17:00+02:00', '2026-01-31T15:00:00.000Z'],
    ['2026-01-31T17:00:00.250-05:00', '2026-01-31T22:00:00.250Z'],
    ['2026-02-30', null],
    ['2026-01-31T17:00:00', null],
    ['31/01/2026', null],
    ['next friday', null],
    [20260131, null],
  ])('expires %j has passed from %s on', (expires, passesAt) => {
    const at = parseExpires(expires)
    expect(at === null ? null : new Date(at).toISOString()).toBe(passesAt)
  })

  test('flags past their kill date are warned about at start, with owner and what to do', async () => {
    const { logs } = await startDevServer(
      withFlag('dark-mode', { metadata: { expires: '2021-06-30T12:00:00Z' } }),
      { historyFile: historyFile() },
    )
    expect(logs.error).toHaveLength(1)
    expect(logs.error[0]).toMatch(/flags\.json has flags past their kill date/)
    expect(logs.error[0]).toMatch(/remove each flag and its code paths/)
    expect(logs.error[0]).toContain('"old-banner" expired on 2020-01-31 (owner: growth)')
    expect(logs.error[0]).toContain(
      '"dark-mode" expired on 2021-06-30T12:00:00Z (no owner in its metadata)',
    )
    expect(logs.error[0]).not.toContain('checkout-experiment')
  })

  test('an edit that moves a kill date into the past is warned about', async () => {
    const { logs, writeFlags } = await startDevServer(ownedFlags, { historyFile: historyFile() })
    writeFlags(
      withFlag('checkout-experiment', { metadata: { owner: 'payments', expires: '2021-06-30' } }),
    )
    await eventually(() => expect(logs.error).toHaveLength(2))
    expect(logs.error[1]).toContain('"checkout-experiment" expired on 2021-06-30 (owner: payments)')
    expect(logs.error[1]).not.toContain('old-banner')
  })

  test('an unparseable kill date stops the server from starting', async () => {
    const start = startDevServer(withFlag('old-banner', { metadata: { expires: '31/01/2020' } }), {
      historyFile: historyFile(),
    })
    await expect(start).rejects.toThrow(FlagFileError)
    await expect(start).rejects.toThrow(
      /flag "old-banner": metadata "expires" \(the kill date\) must be an ISO 8601 date like "2026-12-31" .* not "31\/01\/2020"/,
    )
  })

  test('an edit with an unparseable kill date is refused and the last good flags keep serving', async () => {
    const { url, logs, writeFlags } = await startDevServer(ownedFlags, {
      historyFile: historyFile(),
    })
    writeFlags(withFlag('dark-mode', { state: 'DISABLED', metadata: { expires: 'soon' } }))
    await eventually(() =>
      expect(logs.error.at(-1)).toMatch(
        /rejected an edit of .*flag "dark-mode": metadata "expires" .* not "soon"/,
      ),
    )
    expect((await evaluateAll(url, { beta: true }))['dark-mode']).toMatchObject({ value: true })
  })
})

describe('fully rolled out', () => {
  test.each<[string, Partial<FlagDefinition>, string | null | undefined]>([
    ['no targeting', { targeting: undefined }, 'off'],
    ['a single bucket', { targeting: { fractional: [['on', 100]] } }, 'on'],
    [
      'all weight on one bucket',
      {
        targeting: {
          fractional: [
            ['on', 100],
            ['off', 0],
          ],
        },
      },
      'on',
    ],
    [
      'one bucket with a bucketing expression',
      { targeting: { fractional: [{ var: 'email' }, ['on', 100]] } },
      'on',
    ],
    [
      'a split',
      {
        targeting: {
          fractional: [
            ['on', 50],
            ['off', 50],
          ],
        },
      },
      undefined,
    ],
    ['a rule', { targeting: { if: [{ var: 'beta' }, 'on'] } }, undefined],
    ['DISABLED (the code default)', { state: 'DISABLED' }, null],
  ])('a flag with %s serves everyone %j', (_, change, variant) => {
    const flag = { ...ownedFlags.flags['dark-mode']!, ...change }
    expect(findFullRollout(flag)?.variant).toBe(variant)
  })
})

describe('vexil report --stale', () => {
  test('lists an expired flag with its kill date and owner', async () => {
    const { url } = await startDevServer(ownedFlags, { historyFile: historyFile() })
    const { exitCode, stdout } = await vexil(['report', '--stale', '--server', url])
    expect(exitCode).toBe(0)
    expect(lineOf(stdout, 'old-banner')).toMatch(
      /^ {2}old-banner +expired on 2020-01-31; never exposed \(owner: growth\)$/,
    )
  })

  test('lists a flag that no user was ever shown', async () => {
    const { url } = await startDevServer(ownedFlags, { historyFile: historyFile() })
    await exposeFlagsInUse(url)
    const { stdout } = await vexil(['report', '--stale', '--server', url])
    expect(lineOf(stdout, 'dark-mode')).toMatch(/^ {2}dark-mode +never exposed$/)
  })

  test('lists a flag fully rolled out for longer than the period', async () => {
    const since = new Date(Date.now() - 20 * dayMs)
    const { url } = await startDevServer(ownedFlags, {
      historyFile: historyFile(['new-checkout'], since),
    })
    await exposeFlagsInUse(url)
    const { stdout } = await vexil(['report', '--stale', '--server', url])
    const day = since.toISOString().slice(0, 10)
    expect(lineOf(stdout, 'new-checkout')).toMatch(
      new RegExp(`^ {2}new-checkout +fully rolled out to "on" since ${day}$`),
    )
  })

  test('does not list a flag fully rolled out for less than the period', async () => {
    const since = new Date(Date.now() - 20 * dayMs)
    const { url } = await startDevServer(ownedFlags, {
      historyFile: historyFile(['new-checkout'], since),
    })
    await exposeFlagsInUse(url)
    const { stdout } = await vexil([
      'report',
      '--stale',
      '--rolled-out-for',
      '30d',
      '--server',
      url,
    ])
    expect(stdout).toMatch(/fully rolled out or back for at least 30d/)
    expect(lineOf(stdout, 'new-checkout')).toBeUndefined()
  })

  test('does not list a healthy experiment with exposures', async () => {
    const { url } = await startDevServer(ownedFlags, { historyFile: historyFile() })
    await exposeFlagsInUse(url)
    const { stdout } = await vexil(['report', '--stale', '--rolled-out-for', '0s', '--server', url])
    expect(lineOf(stdout, 'old-banner')).toBeDefined()
    expect(stdout).not.toContain('checkout-experiment')
  })

  test.each([
    [['report', '--rolled-out-for', '14d'], /--rolled-out-for only applies with --stale/],
    [['report', '--stale', '--rolled-out-for', 'two weeks'], /must be a duration like 14d/],
  ])('vexil %j exits with 2 and says what is wrong', async (args, message) => {
    const { exitCode, stderr } = await vexil(args)
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(message)
  })
})

describe('GET /v1/data/stale', () => {
  test('lists a disabled flag as fully rolled back, with since when', async () => {
    const since = new Date(Date.now() - 20 * dayMs)
    const { url } = await startDevServer(ownedFlags, {
      historyFile: historyFile(['legacy-search'], since),
    })
    const { flags } = await staleFlags(url)
    expect(flags.find(({ key }) => key === 'legacy-search')).toEqual({
      key: 'legacy-search',
      reasons: ['rolled-back', 'never-exposed'],
      since: since.toISOString(),
    })
  })

  test('a kill switch restarts the flag’s clock', async () => {
    const { url } = await startDevServer(ownedFlags, {
      historyFile: historyFile(['new-checkout'], new Date(Date.now() - 20 * dayMs)),
    })
    const flipped = Date.now()
    const response = await postJson(`${url}/admin/flags/new-checkout`, { state: 'DISABLED' })
    expect(response.status).toBe(200)
    const { flags } = await staleFlags(url, '?rolledOutFor=0')
    const newCheckout = flags.find(({ key }) => key === 'new-checkout')
    expect(newCheckout?.reasons).toContain('rolled-back')
    expect(Date.parse(newCheckout!.since!)).toBeGreaterThanOrEqual(flipped)
  })

  test('editing only a flag’s metadata keeps its clock', async () => {
    const since = new Date(Date.now() - 20 * dayMs)
    const { url, logs, writeFlags } = await startDevServer(ownedFlags, {
      historyFile: historyFile(['new-checkout'], since),
    })
    writeFlags(withFlag('new-checkout', { metadata: { description: 'one-page checkout' } }))
    await eventually(() => expect(logs.info.join('\n')).toMatch(/"new-checkout" changed/))
    const { flags } = await staleFlags(url)
    expect(flags.find(({ key }) => key === 'new-checkout')?.since).toBe(since.toISOString())
  })

  test('the history survives a restart', async () => {
    const path = historyFile()
    const first = await startDevServer(ownedFlags, { historyFile: path })
    const before = await staleFlags(first.url, '?rolledOutFor=0')
    await first.server.close()
    expect(JSON.parse(readFileSync(path, 'utf8')).flags['new-checkout']).toBeDefined()
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = await startDevServer(ownedFlags, { historyFile: path })
    expect(await staleFlags(second.url, '?rolledOutFor=0')).toEqual(before)
  })

  test('a bad rolledOutFor is refused with 400 and says what it expects', async () => {
    const { url } = await startDevServer(ownedFlags, { historyFile: historyFile() })
    const response = await fetch(`${url}/v1/data/stale?rolledOutFor=14d`)
    expect(response.status).toBe(400)
    expect((await response.json()).error).toBe(
      'rolledOutFor must be a whole number of milliseconds (e.g. 1209600000 for 14 days), not "14d"',
    )
  })
})
