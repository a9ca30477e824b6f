import { rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { createDevServer, FlagFileError } from 'vexil/server'
import { closeDevServers, evaluateAll, eventually, startDevServer } from './devServerHarness'
import { shopFlags } from './flagFixtures'

afterEach(closeDevServers)

const themeFlags = (defaultVariant: string) => ({
  flags: {
    theme: { state: 'ENABLED', variants: { light: 'light', dark: 'dark' }, defaultVariant },
  },
})

test('a valid edit of the flag file is served at once', async () => {
  const { url, writeFlags, logs } = await startDevServer(themeFlags('light'))
  writeFlags(themeFlags('dark'))
  await eventually(async () =>
    expect((await evaluateAll(url)).theme).toMatchObject({ value: 'dark' }),
  )
  expect(logs.info.join('\n')).toMatch(/reloaded .*flags\.json: "theme" changed/)
})

test('an editor that saves by writing a new file and renaming it is followed', async () => {
  const { url, directory, flagsFile } = await startDevServer(themeFlags('light'))
  const temporary = join(directory, '.flags.json.swp')
  await writeFile(temporary, JSON.stringify(themeFlags('dark')))
  await rename(temporary, flagsFile)
  await eventually(async () =>
    expect((await evaluateAll(url)).theme).toMatchObject({ value: 'dark' }),
  )
  await writeFile(temporary, JSON.stringify(themeFlags('light')))
  await rename(temporary, flagsFile)
  await eventually(async () =>
    expect((await evaluateAll(url)).theme).toMatchObject({ value: 'light' }),
  )
})

test('a YAML flag file is served and reloaded too', async () => {
  const yaml = (variant: string) =>
    `flags:\n  theme:\n    state: ENABLED\n    variants: { light: light, dark: dark }\n    defaultVariant: ${variant}\n`
  const { url, writeFlags } = await startDevServer(yaml('light'), { fileName: 'flags.yaml' })
  expect((await evaluateAll(url)).theme).toMatchObject({ value: 'light' })
  writeFlags(yaml('dark'))
  await eventually(async () =>
    expect((await evaluateAll(url)).theme).toMatchObject({ value: 'dark' }),
  )
})

const brokenTheme = (change: Record<string, unknown>) => ({
  flags: {
    theme: {
      state: 'ENABLED',
      variants: { light: 'light', dark: 'dark' },
      defaultVariant: 'light',
      ...change,
    },
  },
})

describe('an invalid edit is refused with a message naming the file, the flag and the problem', () => {
  test.each([
    ['bad JSON', '{"flags": {"theme": ', /flags\.json: not valid JSON/],
    [
      'an unknown state',
      brokenTheme({ state: 'ON' }),
      /flag "theme": "state" must be "ENABLED" or "DISABLED"/,
    ],
    [
      'an unknown default variant',
      brokenTheme({ defaultVariant: 'blue' }),
      /flag "theme": defaultVariant "blue" is not one of its variants \("light", "dark"\)/,
    ],
    [
      'variants of mixed types',
      brokenTheme({ variants: { light: 'light', dark: 1 } }),
      /flag "theme": variants mix value types/,
    ],
    [
      'targeting that returns a missing variant',
      brokenTheme({ targeting: { if: [{ '==': [{ var: 'plan' }, 'pro'] }, 'blue'] } }),
      /flag "theme": targeting can return "blue", which is not a variant/,
    ],
    [
      'a fractional bucket with a missing variant',
      brokenTheme({
        targeting: {
          fractional: [
            ['light', 50],
            ['sepia', 50],
          ],
        },
      }),
      /flag "theme": targeting can return "sepia"/,
    ],
    [
      'targeting with an unknown operator',
      brokenTheme({ targeting: { nope: [1, 2] } }),
      /flag "theme": targeting uses "nope", which is not a JSONLogic or flagd operator/,
    ],
    [
      'a $ref to a missing evaluator',
      brokenTheme({ targeting: { if: [{ $ref: 'isStaff' }, 'dark'] } }),
      /flag "theme": targeting uses \{ "\$ref": "isStaff" \}/,
    ],
    [
      'a schema violation',
      brokenTheme({ metadata: { owner: { team: 'web' } } }),
      /flag "theme": \/metadata\/owner .*\(flagd schema\)/,
    ],
  ])('%s', async (_case, content, message) => {
    const { url, writeFlags, logs } = await startDevServer(themeFlags('dark'))
    writeFlags(content)
    await eventually(() => expect(logs.error).toHaveLength(1))
    expect(logs.error[0]).toMatch(message)
    expect(logs.error[0]).toMatch(/Still serving the last good flags/)
    expect((await evaluateAll(url)).theme).toMatchObject({ value: 'dark' })
  })
})

test('the last good flags keep serving until a valid edit arrives', async () => {
  const { url, writeFlags, logs } = await startDevServer(themeFlags('light'))
  writeFlags('{ oops')
  await eventually(() => expect(logs.error).toHaveLength(1))
  expect((await evaluateAll(url)).theme).toMatchObject({ value: 'light' })
  writeFlags(themeFlags('dark'))
  await eventually(async () =>
    expect((await evaluateAll(url)).theme).toMatchObject({ value: 'dark' }),
  )
})

test('an invalid flag file at start refuses to start and says why', async () => {
  const start = startDevServer(brokenTheme({ defaultVariant: 'blue' }))
  await expect(start).rejects.toBeInstanceOf(FlagFileError)
  await expect(start).rejects.toThrow(/flags\.json: flag "theme": defaultVariant "blue"/)
})

test('a missing flag file refuses to start and says so', async () => {
  const server = createDevServer({ flagsFile: '/nonexistent/flags.json', port: 0 })
  await expect(server.listen()).rejects.toThrow(/flags\.json: the file does not exist/)
})

test('an edit that touches a flag drops the admin change made to it', async () => {
  const { url, writeFlags } = await startDevServer(shopFlags)
  await fetch(`${url}/admin/flags/theme`, {
    method: 'POST',
    body: JSON.stringify({ defaultVariant: 'dark' }),
  })
  await fetch(`${url}/admin/flags/new-checkout`, {
    method: 'POST',
    body: JSON.stringify({ state: 'DISABLED' }),
  })
  writeFlags({
    ...shopFlags,
    flags: {
      ...shopFlags.flags,
      theme: { ...shopFlags.flags.theme, variants: { light: 'white', dark: 'dark' } },
    },
  })
  await eventually(async () =>
    expect((await evaluateAll(url)).theme).toMatchObject({ value: 'white' }),
  )
  // The kill switch on a flag the edit did not touch stays on.
  expect((await evaluateAll(url))['new-checkout']).toMatchObject({ reason: 'DISABLED' })
})
