import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import type { CollectorEvent, ExperimentSummary } from 'vexil/server'
import { closeDevServers, postJson, startDevServer } from './devServerHarness'
import { shopFlags } from './flagFixtures'

afterEach(closeDevServers)

const start = Date.parse('2026-01-05T10:00:00Z')
let nextId = 0

function exposure(userKey: string, variation: string, at = start): CollectorEvent {
  nextId += 1
  return {
    kind: 'feature',
    id: `event-${nextId}`,
    contextKind: 'user',
    userKey,
    creationDate: at,
    key: 'checkout-experiment',
    variation,
    value: variation,
    default: false,
    source: 'PROVIDER_CACHE',
  }
}

function purchase(userKey: string, at = start + 60_000): CollectorEvent {
  nextId += 1
  return {
    kind: 'tracking',
    id: `event-${nextId}`,
    contextKind: 'user',
    userKey,
    creationDate: at,
    key: 'purchase',
    evaluationContext: { targetingKey: userKey },
    trackingEventDetails: { value: 42 },
  }
}

async function collect(url: string, events: CollectorEvent[]) {
  const response = await postJson(`${url}/v1/data/collector`, { events, meta: { sdk: 'vexil' } })
  return { status: response.status, body: await response.json() }
}

async function summary(url: string): Promise<ExperimentSummary> {
  return (await fetch(`${url}/v1/data/summary`)).json()
}

/** `count` users of `variant`, the first `converted` of whom purchase after exposure. */
function arm(variant: string, count: number, converted: number): CollectorEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const user = `${variant}-user-${index}`
    return index < converted ? [exposure(user, variant), purchase(user)] : [exposure(user, variant)]
  }).flat()
}

test('accepted events are counted in the answer and appended to the events log', async () => {
  const { url, directory } = await startDevServer(shopFlags)
  const events = [exposure('ana', 'visa'), purchase('ana')]
  expect(await collect(url, events)).toEqual({ status: 200, body: { ingestedContentCount: 2 } })
  const lines = readFileSync(join(directory, '.vexil/events.jsonl'), 'utf8').trim().split('\n')
  expect(lines.map((line) => JSON.parse(line))).toEqual(events)
})

test('an event whose id was already ingested is dropped', async () => {
  const { url } = await startDevServer(shopFlags)
  const events = [exposure('ana', 'visa'), exposure('bo', 'control')]
  await collect(url, events)
  const retried = await collect(url, [...events, exposure('cy', 'paypal')])
  expect(retried.body).toEqual({ ingestedContentCount: 1 })
  const checkout = (await summary(url)).flags[0]
  expect(checkout?.variants.map(({ exposures }) => exposures)).toEqual([1, 1, 1])
})

test('a beacon sent as text/plain is accepted', async () => {
  const { url } = await startDevServer(shopFlags)
  const response = await fetch(`${url}/v1/data/collector`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({ events: [exposure('ana', 'visa')], meta: {} }),
  })
  expect(await response.json()).toEqual({ ingestedContentCount: 1 })
})

test('a body without an events array is refused with 400', async () => {
  const { url } = await startDevServer(shopFlags)
  const response = await postJson(`${url}/v1/data/collector`, { data: [] })
  expect(response.status).toBe(400)
  expect((await response.json()).error).toMatch(/"events" array/)
})

test('a malformed event is set aside with its problem and the others are kept', async () => {
  const { url, logs } = await startDevServer(shopFlags)
  const broken = { kind: 'feature', userKey: 'ana', creationDate: start, key: 'theme' }
  const { body } = await collect(url, [exposure('bo', 'visa'), broken as unknown as CollectorEvent])
  expect(body).toEqual({
    ingestedContentCount: 1,
    rejected: [{ index: 1, problem: expect.stringMatching(/"variation"/) }],
  })
  expect(logs.error).toEqual([expect.stringMatching(/dropped events\[1\]/)])
})

test('exposures count unique users, and conversions only count after exposure', async () => {
  const { url } = await startDevServer(shopFlags)
  await collect(url, [
    exposure('ana', 'visa'),
    exposure('ana', 'visa', start + 1000),
    purchase('ana'),
    purchase('ana', start + 120_000),
    // Bo bought before ever seeing the experiment: not a conversion.
    purchase('bo', start - 60_000),
    exposure('bo', 'visa'),
    exposure('cy', 'control'),
  ])
  const [checkout] = (await summary(url)).flags
  expect(checkout).toMatchObject({
    key: 'checkout-experiment',
    control: 'control',
    trackingEvents: ['purchase'],
  })
  const visa = checkout?.variants.find(({ variant }) => variant === 'visa')
  expect(visa).toMatchObject({
    exposures: 2,
    conversions: { purchase: { conversions: 1, rate: 0.5 } },
  })
})

test('the z-test against the control matches a hand computation', async () => {
  const { url } = await startDevServer(shopFlags)
  const events = [...arm('control', 1000, 100), ...arm('visa', 1000, 130), ...arm('paypal', 10, 1)]
  for (let from = 0; from < events.length; from += 500) {
    await collect(url, events.slice(from, from + 500))
  }
  const [checkout] = (await summary(url)).flags
  const byVariant = Object.fromEntries(
    checkout!.variants.map((variant) => [variant.variant, variant.conversions.purchase]),
  )
  // Pooled rate 230/2000 = 0.115; SE = √(0.115 · 0.885 · (1/1000 + 1/1000)) = 0.0142671;
  // z = (0.13 − 0.10) / 0.0142671 = 2.10274; two-sided p = erfc(2.10274/√2) = 0.035488.
  expect(byVariant.control).toEqual({ conversions: 100, rate: 0.1 })
  expect(byVariant.visa).toMatchObject({ conversions: 130, rate: 0.13 })
  expect(byVariant.visa?.comparison?.z).toBeCloseTo(2.10274, 4)
  expect(byVariant.visa?.comparison?.pValue).toBeCloseTo(0.035488, 5)
  expect(byVariant.visa?.comparison).toMatchObject({ against: 'control', verdict: 'better' })
})

test('an arm below the minimum sample gets no verdict, with the reason', async () => {
  const { url } = await startDevServer(shopFlags, { minSample: 50 })
  await collect(url, [...arm('control', 60, 6), ...arm('paypal', 10, 1)])
  const [checkout] = (await summary(url)).flags
  const paypal = checkout?.variants.find(({ variant }) => variant === 'paypal')
  expect(paypal?.conversions.purchase?.comparison).toMatchObject({
    verdict: null,
    reason: 'too few exposures for a verdict: "paypal" has 10; each variant needs 50',
  })
})

test('exposures served from the code default are not counted', async () => {
  const { url } = await startDevServer(shopFlags)
  await collect(url, [{ ...exposure('ana', 'SdkDefault'), default: true } as CollectorEvent])
  expect((await summary(url)).flags).toEqual([])
})

test('collected events survive a restart and are still deduplicated', async () => {
  const first = await startDevServer(shopFlags)
  const events = [exposure('ana', 'visa'), exposure('bo', 'control')]
  await collect(first.url, events)
  await first.server.close()
  const second = await startDevServer(shopFlags, {
    eventsLog: join(first.directory, '.vexil/events.jsonl'),
  })
  expect((await collect(second.url, events)).body).toEqual({ ingestedContentCount: 0 })
  const [checkout] = (await summary(second.url)).flags
  expect(checkout?.variants.map(({ exposures }) => exposures)).toEqual([1, 1, 0])
})
