import { afterEach, expect, test } from 'vitest'
import type { CollectorEvent, ExperimentSummary } from 'vexil/server'
import { terminal } from './terminal'
import { runCli } from '../../src/server/cli/runCli'
import { closeDevServers, postJson, startDevServer } from './devServerHarness'
import { shopFlags } from './flagFixtures'

afterEach(closeDevServers)

const start = Date.parse('2026-01-05T10:00:00Z')
let nextId = 0

function exposure(userKey: string, variation: string): CollectorEvent {
  nextId += 1
  return {
    kind: 'feature',
    id: `event-${nextId}`,
    userKey,
    creationDate: start,
    key: 'checkout-experiment',
    variation,
    default: false,
  }
}

/** What `client.reportError` sends after the exposure of the failing variant. */
function flagError(userKey: string, variant: string): CollectorEvent {
  nextId += 1
  return {
    kind: 'tracking',
    id: `event-${nextId}`,
    userKey,
    creationDate: start + 1000,
    key: 'vexil.flag_error',
    trackingEventDetails: { flagKey: 'checkout-experiment', variant, errorType: 'TypeError' },
  }
}

function purchase(userKey: string): CollectorEvent {
  nextId += 1
  return {
    kind: 'tracking',
    id: `event-${nextId}`,
    userKey,
    creationDate: start + 60_000,
    key: 'purchase',
  }
}

/** `count` users shown `variant`, the first `failed` of whom hit an error in it. */
function arm(variant: string, count: number, failed: number): CollectorEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const user = `${variant}-user-${index}`
    return index < failed
      ? [exposure(user, variant), flagError(user, variant)]
      : [exposure(user, variant)]
  }).flat()
}

async function collect(url: string, events: CollectorEvent[]): Promise<void> {
  for (let from = 0; from < events.length; from += 500) {
    const response = await postJson(`${url}/v1/data/collector`, {
      events: events.slice(from, from + 500),
      meta: {},
    })
    expect(response.status).toBe(200)
  }
}

async function summary(url: string): Promise<ExperimentSummary> {
  return (await fetch(`${url}/v1/data/summary`)).json()
}

async function report(url: string): Promise<string> {
  const { io, output } = terminal({ VEXIL_SERVER: url })
  expect(await runCli(['report'], io)).toBe(0)
  return output.stdout
}

test('the error-rate z-test against the control matches a hand computation', async () => {
  const { url } = await startDevServer(shopFlags, { minSample: 400 })
  await collect(url, [...arm('control', 400, 10), ...arm('visa', 400, 30)])
  const [checkout] = (await summary(url)).flags
  const byVariant = Object.fromEntries(checkout!.variants.map((v) => [v.variant, v.errors]))
  // Pooled error rate 40/800 = 0.05; SE = √(0.05 · 0.95 · (1/400 + 1/400)) = 0.0154110;
  // z = (30/400 − 10/400) / 0.0154110 = 0.05 / 0.0154110 = 3.24443;
  // two-sided p = erfc(3.24443/√2) = 0.0011769. More errors than the control: worse.
  expect(byVariant.control).toEqual({ users: 10, rate: 0.025 })
  expect(byVariant.visa).toMatchObject({ users: 30, rate: 0.075 })
  expect(byVariant.visa?.comparison?.z).toBeCloseTo(3.24443, 4)
  expect(byVariant.visa?.comparison?.pValue).toBeCloseTo(0.0011769, 6)
  expect(byVariant.visa?.comparison).toMatchObject({ against: 'control', verdict: 'worse' })
})

test('vexil report prints a health table per flag before its conversion tables', async () => {
  const { url } = await startDevServer(shopFlags, { minSample: 400 })
  await collect(url, [...arm('control', 400, 10), ...arm('visa', 400, 30), purchase('visa-user-0')])
  const lines = (await report(url)).split('\n')
  const health = lines.indexOf('  health ("better" means fewer errors)')
  const conversions = lines.indexOf('  event "purchase"')
  expect(health).toBeGreaterThan(lines.indexOf('checkout-experiment (control: control)'))
  expect(conversions).toBeGreaterThan(health)
  const table = lines.slice(health + 1, conversions)
  expect(table[0]).toMatch(/variant\s+exposed\s+errors\s+error rate\s+z\s+p-value\s+verdict/)
  expect(table.find((line) => line.trim().startsWith('control'))).toMatch(
    /control\s+400\s+10\s+2\.50%$/,
  )
  // The same numbers as the hand computation above, rounded for the terminal.
  expect(table.find((line) => line.trim().startsWith('visa'))).toMatch(
    /visa\s+400\s+30\s+7\.50%\s+3\.244\s+0\.00118\s+worse$/,
  )
})

test('a variant below the minimum sample gets no error verdict, and the report says why', async () => {
  const { url } = await startDevServer(shopFlags, { minSample: 500 })
  await collect(url, [...arm('control', 400, 10), ...arm('visa', 400, 30)])
  expect(await report(url)).toMatch(
    /visa\s+400\s+30\s+7\.50%\s+3\.244\s+0\.00118\s+none: too few exposures for a verdict/,
  )
})

test('flag error events are counted as errors, never listed as conversions', async () => {
  const { url } = await startDevServer(shopFlags)
  await collect(url, [...arm('control', 3, 0), ...arm('visa', 3, 2), purchase('visa-user-2')])
  const [checkout] = (await summary(url)).flags
  expect(checkout?.trackingEvents).toEqual(['purchase'])
  const visa = checkout?.variants.find(({ variant }) => variant === 'visa')
  expect(visa?.errors).toMatchObject({ users: 2 })
  expect(Object.keys(visa?.conversions ?? {})).toEqual(['purchase'])
  expect(await report(url)).not.toContain('vexil.flag_error')
})
