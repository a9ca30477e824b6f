import { expect, test } from 'vitest'
import { createBackoff } from '../../src/core/backoff'

test('the ceiling doubles from one second up to a one-minute cap', () => {
  const backoff = createBackoff({ random: () => 1 })
  const delays = Array.from({ length: 9 }, () => backoff.next())
  expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000])
})

test('full jitter picks a wait anywhere below the ceiling', () => {
  const backoff = createBackoff({ random: () => 0.25 })
  expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([250, 500, 1_000])
})

test('reset starts again from the first step', () => {
  const backoff = createBackoff({ random: () => 1 })
  backoff.next()
  backoff.next()
  backoff.reset()
  expect(backoff.next()).toBe(1_000)
})
