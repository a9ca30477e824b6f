import { expect, test } from 'vitest'
import type { FlagDefinition, FlagDefinitionFile } from '../../src/server/flagDefinition'
import { loadFlagdStorage } from '../../src/server/loadFlagdStorage'
import { applyRolloutSplit } from '../../src/server/rollout/applyRolloutSplit'
import type { RolloutSplit } from '../../src/server/rollout/RolloutPlan'

const checkout: FlagDefinition = {
  state: 'ENABLED',
  variants: { on: true, off: false },
  defaultVariant: 'off',
}

function split(percent: number): RolloutSplit {
  return {
    variant: 'on',
    control: 'off',
    percent,
    metadata: {
      rolloutState: 'advancing',
      rolloutStep: 1,
      rolloutSteps: 1,
      rolloutPercent: percent,
      rolloutVariant: 'on',
      rolloutReason: 'test',
    },
  }
}

/** Users who get `on` from flagd-core when the flag is served at `percent`. */
function treated(definition: FlagDefinition, percent: number, users: string[], file = {}) {
  const served = applyRolloutSplit(definition, split(percent), {})
  const loaded = loadFlagdStorage({
    ...file,
    flags: { 'new-checkout': served },
  } as FlagDefinitionFile)
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'))
  const flag = loaded.storage.getFlag('new-checkout')!
  return users.filter((targetingKey) => flag.evaluate({ targetingKey }).variant === 'on')
}

const users = Array.from({ length: 2000 }, (_, index) => `user-${index}`)

test('a user in the treatment at 5 % is still in it at 25 %, 50 % and 100 %', () => {
  let previous = new Set<string>()
  for (const percent of [1, 5, 25, 50, 100]) {
    const now = treated(checkout, percent, users)
    expect([...previous].filter((user) => !now.includes(user))).toEqual([])
    // flagd's hash spreads users evenly: within 3 points of the target share.
    expect(Math.abs(now.length / users.length - percent / 100)).toBeLessThan(0.03)
    previous = new Set(now)
  }
})

test('0 % and 100 % are served as a single bucket, without zero weights', () => {
  expect(applyRolloutSplit(checkout, split(0), {}).targeting).toEqual({
    fractional: [['off', 100]],
  })
  expect(applyRolloutSplit(checkout, split(100), {}).targeting).toEqual({
    fractional: [['on', 100]],
  })
  expect(applyRolloutSplit(checkout, split(25), {}).targeting).toEqual({
    fractional: [
      ['on', 25],
      ['off', 75],
    ],
  })
})

test('targeting without a fractional becomes the split', () => {
  const staff = {
    ...checkout,
    targeting: { if: [{ in: ['@example.com', { var: 'email' }] }, 'on'] },
  }
  expect(applyRolloutSplit(staff, split(5), {}).targeting).toEqual({
    fractional: [
      ['on', 5],
      ['off', 95],
    ],
  })
})

test('a fractional inside the targeting gets the split and keeps its bucketing expression', () => {
  const bucketBy = { cat: [{ var: '$flagd.flagKey' }, { var: 'email' }] }
  const definition: FlagDefinition = {
    ...checkout,
    targeting: {
      if: [{ var: 'beta' }, { fractional: [bucketBy, ['on', 50], ['off', 50]] }, 'off'],
    },
  }
  expect(applyRolloutSplit(definition, split(5), {}).targeting).toEqual({
    if: [{ var: 'beta' }, { fractional: [bucketBy, ['on', 5], ['off', 95]] }, 'off'],
  })
})

test('a fractional kept in $evaluators is found through its $ref', () => {
  const definition = { ...checkout, targeting: { $ref: 'half' } }
  const evaluators = {
    half: {
      fractional: [
        ['on', 50],
        ['off', 50],
      ],
    },
  }
  expect(applyRolloutSplit(definition, split(10), evaluators).targeting).toEqual({
    fractional: [
      ['on', 10],
      ['off', 90],
    ],
  })
})

test('the split carries the rollout metadata next to the flag own metadata', () => {
  const owned = { ...checkout, metadata: { owner: 'payments' } }
  expect(applyRolloutSplit(owned, split(10), {}).metadata).toEqual({
    owner: 'payments',
    ...split(10).metadata,
  })
})

test('a split naming a variant the flag no longer has leaves the flag as it is', () => {
  const renamed = { ...checkout, variants: { enabled: true, off: false } }
  expect(applyRolloutSplit(renamed, split(10), {})).toBe(renamed)
})
