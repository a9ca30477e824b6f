import { expect, test } from 'vitest'
import { parseRetryAfter } from '../../src/core/parseRetryAfter'

const now = Date.parse('2026-11-21T12:00:00Z')

test.each([
  ['delta-seconds', '120', 120_000],
  ['delta-seconds with spaces', ' 5 ', 5_000],
  ['zero seconds', '0', 0],
  ['an HTTP-date', 'Sat, 21 Nov 2026 12:01:00 GMT', 60_000],
  ['an ISO-8601 timestamp', '2026-11-21T12:00:30Z', 30_000],
  ['an ISO-8601 timestamp with an offset', '2026-11-21T13:00:10+01:00', 10_000],
  ['a date in the past', '2026-11-21T11:00:00Z', 0],
  ['garbage', 'soon', undefined],
  ['a negative number', '-5', undefined],
  ['no header', null, undefined],
])('%s', (_, header, expected) => {
  expect(parseRetryAfter(header, now)).toBe(expected)
})
