import { expect, test } from 'vitest'
import { judgeRolloutStep } from '../../src/server/rollout/judgeRolloutStep'
import type { RolloutArm } from '../../src/server/rollout/measureRolloutStep'
import type { RolloutPlan } from '../../src/server/rollout/RolloutPlan'

const plan: RolloutPlan = {
  flag: 'new-checkout',
  variant: 'on',
  control: 'off',
  steps: [1, 5, 25, 50, 100],
  minDwellMs: 600_000,
  minSample: 200,
  abort: { errorRateIncrease: 0.05, conversionDrop: { purchase: 0.1 } },
  hash: 'test',
}

/** An arm of `exposures` users, `errors` of whom failed and `purchases` of whom bought. */
function arm(variant: string, exposures: number, errors: number, purchases = 0): RolloutArm {
  return {
    variant,
    exposures,
    errors: { users: errors, rate: exposures === 0 ? null : errors / exposures },
    conversions: {
      purchase: { conversions: purchases, rate: exposures === 0 ? null : purchases / exposures },
    },
  }
}

function judge(treatment: RolloutArm, control: RolloutArm, elapsedMs = 700_000) {
  return judgeRolloutStep(plan, { treatment, control }, elapsedMs)
}

test('a healthy step advances once the dwell has passed and both arms have the sample', () => {
  const judgement = judge(arm('on', 250, 2, 50), arm('off', 5000, 40, 1000))
  expect(judgement.verdict).toBe('advance')
  // Purchases, 20 % in both arms, against "below 0.9 × 20 % = 18 %":
  // z = (0.18 − 0.20) / √(0.2·0.8/250 + 0.81·0.2·0.8/5000) = −0.775, p = P(Z ≥ −0.775) = 0.78.
  expect(judgement.reason).toBe(
    'dwell 10m and 200 exposures per arm met; error rate +0.0 pp, limit +5 pp, p = 1.0; "purchase" conversion +0.0 %, limit -10 %, p = 0.78',
  )
})

test('a healthy step waits for the dwell', () => {
  const judgement = judge(arm('on', 250, 2), arm('off', 5000, 40), 90_000)
  expect(judgement.verdict).toBe('wait')
  expect(judgement.reason).toMatch(/^waiting for dwell 1\.5m of 10m; error rate/)
})

test('a healthy step waits for the sample of each arm that lacks it', () => {
  const judgement = judge(arm('on', 120, 1), arm('off', 5000, 40))
  expect(judgement.verdict).toBe('wait')
  expect(judgement.reason).toMatch(/^waiting for exposures "on" 120 of 200; /)
})

test('a clearly worse error rate aborts long before the sample is reached', () => {
  const judgement = judge(arm('on', 30, 12), arm('off', 600, 6), 1000)
  expect(judgement.verdict).toBe('abort')
  // 40 % against 1 %, tested against the 5-point limit:
  // z = (0.40 − 0.01 − 0.05) / √(0.4·0.6/30 + 0.01·0.99/600) = 3.797, p = P(Z ≥ 3.797) = 0.000073.
  expect(judgement.reason).toBe('error rate +39.0 pp, limit +5 pp, p = 0.000073')
  expect(judgement.guards[0]).toMatchObject({ metric: 'errors', status: 'breached' })
})

test('a borderline error rate past the limit but not significant holds', () => {
  const judgement = judge(arm('on', 50, 8), arm('off', 50, 4))
  expect(judgement.verdict).toBe('hold')
  // z = (0.16 − 0.08 − 0.05) / √(0.16·0.84/50 + 0.08·0.92/50) = 0.465, p = 0.32.
  expect(judgement.reason).toBe('error rate +8.0 pp, limit +5 pp, p = 0.32; not yet conclusive')
})

test('an error rate just past the limit is not rolled back on a large sample unless it is shown to be past it', () => {
  // 6.05 % against 1.0 %: just past the 5-point limit. A test against "no difference" would call it
  // significant (z ≈ 8.7); against the limit it is not (z = 0.09, p = 0.47), so the rollout holds.
  const judgement = judge(arm('on', 2000, 121), arm('off', 2000, 20))
  expect(judgement.guards[0]).toMatchObject({ status: 'crossed' })
  expect(judgement.verdict).toBe('hold')
})

test('a handful of errors among few users holds even when the z-test calls it significant', () => {
  const judgement = judge(arm('on', 3, 3), arm('off', 600, 6))
  expect(judgement.guards[0]?.pValue).toBeLessThan(0.05)
  expect(judgement.verdict).toBe('hold')
})

test('a significant error increase within the limit does not stop the rollout', () => {
  const judgement = judge(arm('on', 5000, 200), arm('off', 5000, 100))
  expect(judgement.guards[0]).toMatchObject({ status: 'ok' })
  expect(judgement.verdict).toBe('advance')
})

test('a named conversion dropping by more than its limit aborts', () => {
  const judgement = judge(arm('on', 400, 0, 40), arm('off', 400, 0, 80))
  expect(judgement.verdict).toBe('abort')
  expect(judgement.reason).toMatch(/^"purchase" conversion -50\.0 %, limit -10 %, p = /)
})

test('a conversion drop within its limit passes', () => {
  const judgement = judge(arm('on', 4000, 0, 760), arm('off', 4000, 0, 800))
  expect(judgement.guards[1]).toMatchObject({ metric: { conversion: 'purchase' }, status: 'ok' })
  expect(judgement.verdict).toBe('advance')
})

test('a step without exposures waits and has nothing to compare', () => {
  const judgement = judge(arm('on', 0, 0), arm('off', 0, 0))
  expect(judgement.verdict).toBe('wait')
  expect(judgement.guards[0]).toMatchObject({ change: null, pValue: null, status: 'ok' })
})
