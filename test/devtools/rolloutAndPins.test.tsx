import { act, waitFor } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { serveFlags } from '../support/flagService'
import { devtools, flagFact, flagRow, mountDevtools, newClient } from './devtoolsHarness'

afterEach(() => vi.useRealTimers())

function rollout(state: string, step: number, percent: number, reason: string) {
  return {
    rolloutState: state,
    rolloutStep: step,
    rolloutSteps: 5,
    rolloutPercent: percent,
    rolloutVariant: 'treatment',
    rolloutReason: reason,
  }
}

const checkout = { key: 'new-checkout', value: true, variant: 'treatment', reason: 'SPLIT' }

test('a rollout in the flag metadata shows its step, share and state, and why', async () => {
  serveFlags([
    { ...checkout, metadata: rollout('advancing', 3, 25, 'Healthy for 24 h: next step at 10:00.') },
  ])
  await mountDevtools(newClient())
  expect(flagRow('new-checkout').getByText('Rollout 3/5 · 25 % · advancing')).toBeDefined()
  expect(flagFact('new-checkout', 'Rollout')).toBe(
    'treatment · Healthy for 24 h: next step at 10:00.',
  )
})

test('a rolled-back rollout is marked as a warning, unlike one that is holding', async () => {
  serveFlags([
    { ...checkout, metadata: rollout('rolled-back', 0, 0, 'Errors in treatment rose to 4 %.') },
    { key: 'search-v2', value: true, metadata: rollout('holding', 2, 10, 'Waiting for users.') },
  ])
  await mountDevtools(newClient())
  const rolledBack = flagRow('new-checkout').getByText('Rollout 0/5 · 0 % · rolled back')
  expect(rolledBack.classList.contains('badge-warning')).toBe(true)
  const holding = flagRow('search-v2').getByText('Rollout 2/5 · 10 % · holding')
  expect(holding.classList.contains('badge-warning')).toBe(false)
})

test('a flag past its kill date is marked expired, with the date and its owner', async () => {
  serveFlags([{ ...checkout, metadata: { expires: '2024-01-31', owner: 'growth' } }])
  await mountDevtools(newClient())
  expect(flagRow('new-checkout').getByText('Expired')).toBeDefined()
  expect(flagFact('new-checkout', 'Expiry')).toBe('Expired on 2024-01-31 · owner growth')
})

test('a flag before its kill date, or with one that is not a date, is not marked expired', async () => {
  serveFlags([
    { ...checkout, metadata: { expires: '2999-12-31' } },
    { key: 'search-v2', value: true, metadata: { expires: 'after the launch', owner: 'search' } },
  ])
  await mountDevtools(newClient())
  expect(flagRow('new-checkout').queryByText('Expired')).toBeNull()
  expect(flagFact('new-checkout', 'Expiry')).toBe('Expires on 2999-12-31')
  expect(flagRow('search-v2').queryByText('Expired')).toBeNull()
  expect(flagFact('search-v2', 'Expiry')).toBe('after the launch · owner search')
})

test('a kill date given as a day lasts until that day ends in UTC', async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-01-31T23:30:00Z'))
  serveFlags([
    { key: 'ends-today', value: true, metadata: { expires: '2026-01-31' } },
    { key: 'ended-yesterday', value: true, metadata: { expires: '2026-01-30' } },
    { key: 'ended-an-hour-ago', value: true, metadata: { expires: '2026-01-31T22:30:00Z' } },
  ])
  await mountDevtools(newClient())
  expect(flagRow('ends-today').queryByText('Expired')).toBeNull()
  expect(flagRow('ended-yesterday').getByText('Expired')).toBeDefined()
  expect(flagRow('ended-an-hour-ago').getByText('Expired')).toBeDefined()
})

test('a flag pinned after an error shows the error and reads its default, as the app does', async () => {
  serveFlags([checkout])
  const client = newClient()
  await mountDevtools(client)
  act(() => client.reportError('new-checkout', new TypeError('boom')))
  await waitFor(() => expect(flagRow('new-checkout').getByText('Pinned to default')).toBeDefined())
  expect(flagFact('new-checkout', 'Pinned')).toBe('TypeError: boom · in variant treatment')
  expect(flagFact('new-checkout', 'Value')).toBe('(code default)')
  expect(flagFact('new-checkout', 'Variant')).toBe('—')
  expect(flagFact('new-checkout', 'Reason')).toBe('ERROR')
  expect(flagFact('new-checkout', 'Served')).toBe('true')
})

test('the override switch of a pinned flag is disabled, and says why', async () => {
  serveFlags([checkout])
  const client = newClient()
  await mountDevtools(client)
  act(() => client.reportError('new-checkout', new TypeError('boom')))
  const toggle = await waitFor(() =>
    flagRow('new-checkout').getByRole('switch', { name: 'Override new-checkout' }),
  )
  await waitFor(() => expect(toggle.closest('fieldset')?.disabled).toBe(true))
  const explanationId = toggle.closest('fieldset')?.getAttribute('aria-describedby')
  const explanation = devtools().getByText(/an override has no effect until the page reloads/)
  expect(explanation.id).toBe(explanationId)
})

test('a flag error appears in the event log', async () => {
  serveFlags([checkout])
  const client = newClient()
  await mountDevtools(client)
  act(() => client.reportError('new-checkout', new TypeError('boom')))
  act(() => devtools().getByRole('tab', { name: 'Events' }).click())
  const log = await waitFor(() => devtools().getByRole('list', { name: 'Event log' }))
  expect(log.querySelector('li')?.textContent).toContain(
    'flag error · new-checkout · treatment · TypeError',
  )
})
