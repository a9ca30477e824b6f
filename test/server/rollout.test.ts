import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { createDevServer, FlagFileError } from 'vexil/server'
import type { AuditRecord, DevServer, RolloutRecord } from 'vexil/server'
import {
  closeDevServers,
  evaluateAll,
  eventually,
  openEventStream,
  startDevServer,
} from './devServerHarness'
import {
  assignVariants,
  checkoutFlags,
  checkoutPlan,
  removePlanDirectories,
  rolloutStatus,
  simulatePopulation,
  startRolloutServer,
  users,
} from './rolloutPopulation'

const restarted: DevServer[] = []

afterEach(async () => {
  await Promise.all(restarted.splice(0).map((server) => server.close()))
  await closeDevServers()
  removePlanDirectories()
})

function auditRecords(directory: string): AuditRecord[] {
  const text = readFileSync(join(directory, '.vexil/audit.jsonl'), 'utf8')
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as AuditRecord)
}

test('a healthy treatment walks through every step to 100 %', async () => {
  const { url, directory, logs } = await startRolloutServer({ 'new-checkout': checkoutPlan() })
  const stream = await openEventStream(`${url}/ofrep/v1/events`)
  const population = users(200)
  expect(await rolloutStatus(url)).toMatchObject({ state: 'advancing', step: 1, percent: 10 })
  for (const [step, percent] of [
    [2, 50],
    [3, 100],
  ]) {
    await simulatePopulation(url, population)
    expect(await stream.nextEvent()).toMatchObject({ data: { type: 'refetchEvaluation' } })
    expect(await rolloutStatus(url)).toMatchObject({ step, percent })
  }
  expect(await rolloutStatus(url)).toMatchObject({ state: 'complete' })
  expect(new Set((await assignVariants(url, population)).values())).toEqual(new Set(['on']))
  expect(auditRecords(directory)).toEqual([
    expect.objectContaining({
      kind: 'rollout',
      actor: 'vexil rollout',
      flag: 'new-checkout',
      from: { step: 0, percent: 0 },
      to: { step: 1, percent: 10 },
      state: 'advancing',
    }),
    expect.objectContaining({
      from: { step: 1, percent: 10 },
      to: { step: 2, percent: 50 },
      state: 'advancing',
      reason: expect.stringMatching(
        /^dwell 0ms and 10 exposures per arm met; error rate \+0\.0 pp/,
      ),
    }),
    expect.objectContaining({
      from: { step: 2, percent: 50 },
      to: { step: 3, percent: 100 },
      state: 'complete',
    }),
  ])
  expect(logs.info).toContainEqual(
    expect.stringMatching(/^\[vexil\] rollout "new-checkout": 10% → 50% \(dwell/),
  )
  stream.close()
})

test('a treatment with a high error rate is rolled back within one evaluation window', async () => {
  // The sample is far off and the timer an hour away: only the collector's events can act.
  const { url, logs } = await startRolloutServer(
    { 'new-checkout': checkoutPlan({ minSample: 1000 }) },
    { rolloutCheckIntervalMs: 3_600_000 },
  )
  const stream = await openEventStream(`${url}/ofrep/v1/events`)
  const byVariant = await simulatePopulation(url, users(300), { errorShare: { on: 0.4 } })
  const treated = byVariant.get('on') ?? []
  expect(treated.length).toBeGreaterThan(10)
  expect(await stream.nextEvent()).toMatchObject({ data: { type: 'refetchEvaluation' } })
  const flags = await evaluateAll(url, { targetingKey: treated[0] })
  expect(flags['new-checkout']).toMatchObject({
    value: false,
    variant: 'off',
    metadata: { rolloutState: 'rolled-back', rolloutStep: 0, rolloutPercent: 0 },
  })
  expect(await rolloutStatus(url)).toMatchObject({
    state: 'rolled-back',
    percent: 0,
    reason: expect.stringMatching(
      /^rolled back to 0%: error rate \+4\d\.\d pp, limit \+5 pp, p = /,
    ),
  })
  expect(logs.info).toContainEqual(
    expect.stringMatching(
      /rollout "new-checkout": 10% → 0%, rolled back \(error rate \+4\d\.\d pp/,
    ),
  )
  stream.close()
})

test('a named conversion dropping past its limit rolls the treatment back', async () => {
  const plan = checkoutPlan({
    minSample: 1000,
    abort: { conversionDrop: { 'checkout-completed': 0.1 } },
  })
  const { url } = await startRolloutServer({ 'new-checkout': plan })
  await simulatePopulation(url, users(400), {
    conversion: { event: 'checkout-completed', share: { on: 0.05, off: 0.4 } },
  })
  expect(await rolloutStatus(url)).toMatchObject({
    state: 'rolled-back',
    reason: expect.stringMatching(
      /^rolled back to 0%: "checkout-completed" conversion -8\d\.\d %, limit -10 %, p = /,
    ),
  })
})

test('a difference past the limit that is not yet significant holds the step', async () => {
  const { url, directory } = await startRolloutServer({
    'new-checkout': checkoutPlan({ steps: [50, 100] }),
  })
  // Dwell and sample are met, but 16 % against 8 % errors among ~50 users each could be luck.
  await simulatePopulation(url, users(100), { errorShare: { on: 0.16, off: 0.08 } })
  const status = await rolloutStatus(url)
  expect(status).toMatchObject({ state: 'holding', step: 1, percent: 50 })
  expect(status.reason).toMatch(
    /^error rate \+\d\.\d pp, limit \+5 pp, p = 0\.\d+; not yet conclusive$/,
  )
  expect(status.guards[0]).toMatchObject({ metric: 'errors', status: 'crossed' })
  const flags = await evaluateAll(url, { targetingKey: 'ana' })
  expect(flags['new-checkout']).toMatchObject({
    metadata: {
      rolloutState: 'holding',
      rolloutReason: expect.stringMatching(/^holding at 50%: /),
    },
  })
  expect(auditRecords(directory)).toHaveLength(1)
})

test('a user in the treatment stays in it as the rollout widens', async () => {
  const { url } = await startRolloutServer({ 'new-checkout': checkoutPlan() })
  const atTen = (await simulatePopulation(url, users(200))).get('on') ?? []
  expect(await rolloutStatus(url)).toMatchObject({ percent: 50 })
  const atFifty = await assignVariants(url, atTen)
  expect([...atFifty.values()]).toEqual(atTen.map(() => 'on'))
})

test('a step waits for its dwell, then the timer advances it', async () => {
  const { url, directory } = await startRolloutServer(
    { 'new-checkout': checkoutPlan({ steps: [50, 100], minDwell: '500ms' }) },
    { rolloutCheckIntervalMs: 20 },
  )
  await simulatePopulation(url, users(40))
  await eventually(async () => expect(await rolloutStatus(url)).toMatchObject({ percent: 100 }))
  const [started, completed] = auditRecords(directory) as RolloutRecord[]
  expect(Date.parse(completed!.time) - Date.parse(started!.time)).toBeGreaterThanOrEqual(500)
  expect(completed!.reason).toMatch(/^dwell 500ms and 10 exposures per arm met/)
})

test('the served flag carries the rollout in its metadata', async () => {
  const { url } = await startRolloutServer({ 'new-checkout': checkoutPlan() })
  const flags = await evaluateAll(url, { targetingKey: 'ana' })
  expect(flags['new-checkout']?.metadata).toMatchObject({
    rolloutState: 'advancing',
    rolloutStep: 1,
    rolloutSteps: 3,
    rolloutPercent: 10,
    rolloutVariant: 'on',
    rolloutReason:
      'step 1 of 3 at 10%: advances after 0ms and 10 exposures per arm while the guards hold',
  })
})

test('a rolled-back rollout stays rolled back after a restart', async () => {
  const first = await startRolloutServer({ 'new-checkout': checkoutPlan({ minSample: 1000 }) })
  const byVariant = await simulatePopulation(first.url, users(300), { errorShare: { on: 0.4 } })
  const treated = byVariant.get('on')?.slice(0, 5) ?? []
  await first.server.close()
  const second = await restart(first)
  expect(await rolloutStatus(second.url)).toMatchObject({ state: 'rolled-back', step: 0 })
  expect(new Set((await assignVariants(second.url, treated)).values())).toEqual(new Set(['off']))
  expect(auditRecords(first.directory).map((record) => record.kind)).toEqual(['rollout', 'rollout'])
  expect(second.logs.info).toContainEqual(
    expect.stringMatching(
      /^\[vexil\] rollout "new-checkout": resumed from the audit log; rolled back/,
    ),
  )
})

test('an advancing rollout resumes its step after a restart', async () => {
  const first = await startRolloutServer({ 'new-checkout': checkoutPlan() })
  await simulatePopulation(first.url, users(200))
  const before = await rolloutStatus(first.url)
  expect(before).toMatchObject({ step: 2, percent: 50 })
  await first.server.close()
  const second = await restart(first)
  expect(await rolloutStatus(second.url)).toMatchObject({
    state: 'advancing',
    step: 2,
    percent: 50,
    stepStartedAt: before.stepStartedAt,
  })
  expect(auditRecords(first.directory)).toHaveLength(2)
})

test('editing the plan of a rolled-back rollout starts it over', async () => {
  const { url, directory, writePlans } = await startRolloutServer({
    'new-checkout': checkoutPlan({ minSample: 1000 }),
  })
  await simulatePopulation(url, users(300), { errorShare: { on: 0.4 } })
  writePlans({ 'new-checkout': checkoutPlan({ steps: [5, 100] }) })
  await eventually(async () =>
    expect(await rolloutStatus(url)).toMatchObject({ state: 'advancing', step: 1, percent: 5 }),
  )
  expect(auditRecords(directory).at(-1)).toMatchObject({
    from: { step: 0, percent: 0 },
    to: { step: 1, percent: 5 },
    reason: 'the plan changed; starting over',
  })
})

test('an invalid edit of the rollouts file is refused and the last good plan keeps running', async () => {
  const { url, logs, writePlans } = await startRolloutServer({ 'new-checkout': checkoutPlan() })
  writePlans({ 'new-checkout': checkoutPlan({ steps: [50, 10] }) })
  await eventually(() =>
    expect(logs.error).toContainEqual(
      expect.stringMatching(
        /^\[vexil\] rejected an edit of .*flags\.rollouts\.json: flag "new-checkout": "steps" must increase, but 10 follows 50\n {2}Still running the last good rollout plans\.$/,
      ),
    ),
  )
  expect(await rolloutStatus(url)).toMatchObject({ step: 1, percent: 10 })
})

test('a server whose rollouts file is invalid does not start', async () => {
  const started = startRolloutServer({ 'new-checkout': checkoutPlan({ variant: 'blue' }) })
  await expect(started).rejects.toThrow(FlagFileError)
  await expect(started).rejects.toThrow(
    /flags\.rollouts\.json: flag "new-checkout": "variant" "blue" is not one of its variants \("on", "off"\)/,
  )
})

test('a rollouts file saved next to the flag file is picked up', async () => {
  const { url, directory } = await startDevServer(checkoutFlags)
  writeFileSync(
    join(directory, 'flags.rollouts.json'),
    JSON.stringify({ rollouts: { 'new-checkout': checkoutPlan() } }),
  )
  await eventually(async () => expect(await rolloutStatus(url)).toMatchObject({ percent: 10 }))
})

test('an edit of the flag file keeps serving the rollout', async () => {
  const { url, writeFlags } = await startRolloutServer({ 'new-checkout': checkoutPlan() })
  writeFlags({
    flags: {
      ...checkoutFlags.flags,
      theme: { ...checkoutFlags.flags.theme, defaultVariant: 'dark' },
    },
  })
  await eventually(async () =>
    expect((await evaluateAll(url)).theme).toMatchObject({ value: 'dark' }),
  )
  const flags = await evaluateAll(url, { targetingKey: 'ana' })
  expect(flags['new-checkout']).toMatchObject({ metadata: { rolloutPercent: 10 } })
})

describe('with an admin token', () => {
  const adminToken = 's3cret'

  test('GET /admin/rollouts without the token is refused with 401', async () => {
    const { url } = await startRolloutServer({ 'new-checkout': checkoutPlan() }, { adminToken })
    expect((await fetch(`${url}/admin/rollouts`)).status).toBe(401)
  })

  test('GET /admin/rollouts with the token answers every rollout', async () => {
    const { url } = await startRolloutServer({ 'new-checkout': checkoutPlan() }, { adminToken })
    const status = await rolloutStatus(url, { Authorization: `Bearer ${adminToken}` })
    expect(status).toMatchObject({
      flag: 'new-checkout',
      variant: 'on',
      control: 'off',
      steps: [10, 50, 100],
      step: 1,
      percent: 10,
      state: 'advancing',
      dwell: { requiredMs: 0 },
      sample: { required: 10 },
      arms: [
        { variant: 'on', exposures: 0, errors: { users: 0, rate: null } },
        { variant: 'off', exposures: 0 },
      ],
    })
  })
})

/** A second server on the first one's files, as after stopping and starting `vexil dev`. */
async function restart(first: { flagsFile: string; rolloutsFile: string }) {
  const logs = { info: [] as string[], error: [] as string[] }
  const server = createDevServer({
    flagsFile: first.flagsFile,
    rolloutsFile: first.rolloutsFile,
    host: '127.0.0.1',
    port: 0,
    rolloutCheckIntervalMs: 60_000,
    logger: {
      info: (message) => logs.info.push(message),
      error: (message) => logs.error.push(message),
    },
  })
  restarted.push(server)
  return { ...(await server.listen()), logs }
}
