import { afterEach, expect, test } from 'vitest'
import { terminal } from './terminal'
import { runCli } from '../../src/server/cli/runCli'
import { closeDevServers } from './devServerHarness'
import {
  checkoutPlan,
  removePlanDirectories,
  simulatePopulation,
  startRolloutServer,
  users,
} from './rolloutPopulation'

afterEach(async () => {
  await closeDevServers()
  removePlanDirectories()
})

const plans = {
  'new-checkout': checkoutPlan({ minSample: 1000, minDwell: '10m' }),
  theme: { variant: 'dark', steps: [50, 100], minDwell: '1h', minSample: 100 },
}

test('vexil rollout status prints where each rollout stands and why', async () => {
  const { url } = await startRolloutServer(plans)
  await simulatePopulation(url, users(300), { errorShare: { on: 0.4 } })
  const { io, output } = terminal()
  expect(await runCli(['rollout', 'status', '--server', url], io)).toBe(0)
  const [checkout, theme] = output.stdout.split('\n\n')
  expect(checkout).toMatch(
    /^new-checkout: rolled back, everyone gets "off" \(since \d{4}-.+Z, \d+(\.\d)?m?s ago\)\n {2}why: rolled back to 0%: error rate \+4\d\.\d pp, limit \+5 pp, p = .+\n {2}plan: "on" against control "off", steps 10% → 50% → 100%; each step needs 10m and 1000 exposures per arm\n/,
  )
  expect(checkout).toMatch(
    /\n {4}arm {8}variant {2}exposed {2}errors {3}rate\n {4}treatment {2}on {7}\s+\d+\s+\d+\s+4\d\.\d%\n {4}control {4}off {6}\s+\d+\s+0\s+0\.0%\n/,
  )
  expect(checkout).toMatch(/\n {2}guards:\n {4}breached {2}error rate \+4\d\.\d pp/)
  expect(theme).toMatch(
    /^theme: advancing, step 1 of 2: 50% get "dark" \(since .+\)\n {2}why: waiting for dwell \d+(\.\d)?m?s of 1h and exposures "dark" 0, "light" 0 of 100; error rate not measured yet, limit \+5 pp\n/,
  )
  expect(output.stderr).toBe('')
})

test('vexil rollout status <flag> prints that rollout only', async () => {
  const { url } = await startRolloutServer(plans)
  const { io, output } = terminal({ VEXIL_SERVER: url })
  expect(await runCli(['rollout', 'status', 'theme'], io)).toBe(0)
  expect(output.stdout).toMatch(/^theme: advancing/)
  expect(output.stdout).not.toMatch(/new-checkout/)
})

test('vexil rollout status exits with 1 and names the rollouts for a flag without one', async () => {
  const { url } = await startRolloutServer(plans)
  const { io, output } = terminal({ VEXIL_SERVER: url })
  expect(await runCli(['rollout', 'status', 'checkout'], io)).toBe(1)
  expect(output.stderr).toBe(
    'vexil: flag "checkout" has no rollout; rollouts: "new-checkout", "theme"\n',
  )
})

test('vexil rollout status sends the admin token', async () => {
  const { url } = await startRolloutServer(plans, { adminToken: 's3cret' })
  const refused = terminal({ VEXIL_SERVER: url })
  expect(await runCli(['rollout', 'status'], refused.io)).toBe(1)
  expect(refused.output.stderr).toMatch(/the dev server answered 401: admin routes need/)
  const allowed = terminal({ VEXIL_SERVER: url, VEXIL_ADMIN_TOKEN: 's3cret' })
  expect(await runCli(['rollout', 'status'], allowed.io)).toBe(0)
  expect(allowed.output.stdout).toMatch(/^new-checkout: advancing/)
})

test('vexil rollout with another subcommand exits with 2 and the usage', async () => {
  const { io, output } = terminal()
  expect(await runCli(['rollout', 'start'], io)).toBe(2)
  expect(output.stderr).toMatch(/unknown command "rollout start"; did you mean "rollout status"\?/)
  expect(output.stderr).toMatch(/vexil rollout status \[flag\]/)
})
