import { describe, expect, test } from 'vitest'
import { FlagFileError } from 'vexil/server'
import type { FlagDefinitionFile } from '../../src/server/flagDefinition'
import { parseDuration } from '../../src/server/rollout/parseDuration'
import { parseRolloutFile } from '../../src/server/rollout/parseRolloutFile'
import { checkoutFlags, checkoutPlan } from './rolloutPopulation'

const flags = checkoutFlags as FlagDefinitionFile

function parse(rollouts: unknown, path = '/plans/flags.rollouts.json') {
  const text = typeof rollouts === 'string' ? rollouts : JSON.stringify(rollouts)
  return parseRolloutFile(text, path, flags, '/plans/flags.json')
}

function problemOf(plan: Record<string, unknown>, flag = 'new-checkout'): string {
  try {
    parse({ rollouts: { [flag]: plan } })
  } catch (error) {
    if (error instanceof FlagFileError) return error.message
    throw error
  }
  throw new Error('the plan was accepted')
}

test('a plan is read with its defaults: the default variant as control, 5 pp of errors', () => {
  const plans = parse({ rollouts: { 'new-checkout': checkoutPlan({ abort: undefined }) } })
  expect(plans.get('new-checkout')).toEqual({
    flag: 'new-checkout',
    variant: 'on',
    control: 'off',
    steps: [10, 50, 100],
    minDwellMs: 0,
    minSample: 10,
    abort: { errorRateIncrease: 0.05, conversionDrop: {} },
    hash: expect.stringMatching(/^[\w-]{10}$/),
  })
})

test('editing a plan changes its hash, reformatting the file does not', () => {
  const plan = checkoutPlan({ minDwell: '10m' })
  const hash = (rollouts: unknown) => parse(rollouts).get('new-checkout')?.hash
  const original = hash({ rollouts: { 'new-checkout': plan } })
  expect(hash(JSON.stringify({ rollouts: { 'new-checkout': plan } }, null, 4))).toBe(original)
  expect(hash({ rollouts: { 'new-checkout': { ...plan, minDwell: '600s' } } })).toBe(original)
  expect(hash({ rollouts: { 'new-checkout': { ...plan, minSample: 11 } } })).not.toBe(original)
})

test('a YAML rollouts file is read by its extension', () => {
  const yaml =
    'rollouts:\n  new-checkout:\n    variant: on\n    steps: [50, 100]\n    minDwell: 1h\n    minSample: 100\n'
  expect(parse(yaml, '/plans/flags.rollouts.yaml').get('new-checkout')).toMatchObject({
    steps: [50, 100],
    minDwellMs: 3_600_000,
  })
})

describe('an invalid plan is refused with the file, the flag and the problem', () => {
  test.each([
    [
      { variant: 'blue' },
      /flag "new-checkout": "variant" "blue" is not one of its variants \("on", "off"\)/,
    ],
    [{ variant: undefined }, /"variant" must name the variant to roll out, not nothing/],
    [{ control: 'on' }, /"control" must differ from "variant" \(both are "on"\)/],
    [{ variant: 'off' }, /"variant" "off" is the default variant; set "control"/],
    [{ control: 'maybe' }, /"control" "maybe" is not one of its variants/],
    [{ steps: [] }, /"steps" must be a list of percentages ending with 100/],
    [{ steps: [5, 5, 100] }, /"steps" must increase, but 5 follows 5/],
    [{ steps: [0, 100] }, /"steps" must be whole percentages from 1 to 100, not number 0/],
    [{ steps: [2.5, 100] }, /"steps" must be whole percentages from 1 to 100, not number 2\.5/],
    [{ steps: [10, 50] }, /"steps" must end with 100, so the rollout can complete, not 50/],
    [
      { minDwell: '10 minutes' },
      /"minDwell" must be a duration like "30s", "10m", "2h" or "1d", or milliseconds, not string "10 minutes"/,
    ],
    [
      { minSample: 0 },
      /"minSample" must be a positive whole number of exposures per arm, not number 0/,
    ],
    [
      { abort: { errorRateIncrease: 5 } },
      /"abort.errorRateIncrease" must be a fraction between 0 and 1 \(0\.05 = 5 percentage points\), not number 5/,
    ],
    [
      { abort: { conversionDrop: { purchase: 10 } } },
      /"abort.conversionDrop" of "purchase" must be a fraction between 0 and 1/,
    ],
    [
      { abort: { conversionDrop: { 'vexil.flag_error': 0.1 } } },
      /cannot watch "vexil.flag_error"; errors are guarded by "errorRateIncrease"/,
    ],
    [
      { abort: { errorRate: 0.05 } },
      /unknown field "errorRate"; "abort" may have "errorRateIncrease", "conversionDrop"/,
    ],
    [{ minDwel: '10m' }, /unknown field "minDwel"; a plan may have "variant", "control", "steps"/],
  ])('a plan with %j', (change, message) => {
    const problem = problemOf(checkoutPlan(change))
    expect(problem).toMatch(/^\/plans\/flags\.rollouts\.json: flag "new-checkout": /)
    expect(problem).toMatch(message)
  })

  test('a plan for a flag the flag file does not have', () => {
    expect(problemOf(checkoutPlan(), 'old-checkout')).toMatch(
      /flag "old-checkout": there is no such flag in \/plans\/flags\.json/,
    )
  })

  test('a file without a "rollouts" object', () => {
    expect(() => parse({ plans: {} })).toThrow(
      /the file must hold \{"rollouts": \{"<flag key>": \{…plan\}\}\}; "rollouts" is nothing/,
    )
  })

  test('a file that is not JSON', () => {
    expect(() => parse('{"rollouts": ')).toThrow(/flags\.rollouts\.json: not valid JSON: /)
  })

  test('every problem is listed, one line each', () => {
    expect(problemOf(checkoutPlan({ steps: [10, 50], minSample: -1 }))).toMatch(
      /: 2 problems:\n {2}- flag "new-checkout": "steps" must end with 100.*\n {2}- flag "new-checkout": "minSample"/,
    )
  })
})

test.each([
  ['250ms', 250],
  ['30s', 30_000],
  ['1.5s', 1500],
  ['10m', 600_000],
  ['2h', 7_200_000],
  ['1d', 86_400_000],
  [1200, 1200],
  [0, 0],
  ['10', undefined],
  ['10 minutes', undefined],
  [-1, undefined],
  [null, undefined],
])('the duration %j is %j milliseconds', (written, ms) => {
  expect(parseDuration(written)).toBe(ms)
})
