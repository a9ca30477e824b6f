import { act, fireEvent, render, waitFor } from '@testing-library/react'
import { HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import { FlagProvider, useFlag } from 'vexil'
import { answerWith, serveFlags } from '../support/flagService'
import { devtools, flagRow, mountDevtools, newClient } from './devtoolsHarness'

afterEach(() => vi.restoreAllMocks())

function showEvents() {
  act(() => devtools().getByRole('tab', { name: 'Events' }).click())
  return devtools().queryByRole('list', { name: 'Event log' })
}

test('flags this page exposed are marked, and their exposures logged', async () => {
  serveFlags([
    { key: 'new-checkout', value: true, variant: 'on' },
    { key: 'theme', value: 'dark' },
  ])
  const client = newClient()
  await mountDevtools(client)
  function Checkout() {
    return <p>{useFlag('new-checkout', false) ? 'New checkout' : 'Classic checkout'}</p>
  }
  render(
    <FlagProvider client={client}>
      <Checkout />
    </FlagProvider>,
  )
  await waitFor(() =>
    expect(flagRow('new-checkout').getByText('Exposed on this page')).toBeDefined(),
  )
  expect(flagRow('theme').queryByText('Exposed on this page')).toBeNull()
  expect(showEvents()?.textContent).toContain('new-checkout = on (true)')
})

test('tracking events, flag changes and errors appear in the log, newest first', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  let down = false
  let theme = 'light'
  answerWith(() =>
    down
      ? new HttpResponse(null, { status: 503 })
      : HttpResponse.json({ flags: [{ key: 'theme', value: theme }] }),
  )
  const client = newClient()
  await mountDevtools(client)
  act(() => client.track('checkout-completed', { value: 42 }))
  theme = 'dark'
  await act(() => client.refresh())
  down = true
  await act(() => client.refresh())
  const entries = [...showEvents()!.querySelectorAll('li')].map((item) => item.textContent)
  expect(entries[0]).toMatch(/error.*server/)
  expect(entries[1]).toMatch(/change.*theme/)
  expect(entries[2]).toMatch(/track.*checkout-completed \{"value":42\}/)
  expect(devtools().getByText('server', { exact: false, selector: '[role="alert"]' })).toBeDefined()
})

test('the event log keeps the latest 200 events', async () => {
  serveFlags([])
  const client = newClient()
  await mountDevtools(client)
  act(() => {
    for (let index = 1; index <= 250; index++) client.track(`event-${index}`)
  })
  const entries = [...showEvents()!.querySelectorAll('li')]
  expect(entries).toHaveLength(200)
  expect(entries[0]!.textContent).toContain('event-250')
  expect(entries[199]!.textContent).toContain('event-51')
  act(() => devtools().getByRole('button', { name: 'Clear log' }).click())
  await waitFor(() => expect(devtools().queryByRole('list', { name: 'Event log' })).toBeNull())
})

test('the context editor switches the client to another user', async () => {
  const service = serveFlags([{ key: 'theme', value: 'dark' }])
  const client = newClient()
  await mountDevtools(client)
  act(() => devtools().getByRole('tab', { name: 'Context' }).click())
  await waitFor(() =>
    expect(devtools().getByLabelText('Current context').textContent).toContain('"user-1"'),
  )
  const editor = devtools().getByRole('textbox', { name: 'Evaluation context (JSON)' })
  act(() =>
    fireEvent.change(editor, { target: { value: '{"targetingKey": "user-2", "plan": "pro"}' } }),
  )
  act(() => devtools().getByRole('button', { name: 'Switch context' }).click())
  await waitFor(() => expect(service.requests).toHaveLength(2))
  expect(service.requests[1]!.body.context).toEqual({ targetingKey: 'user-2', plan: 'pro' })
  await waitFor(() =>
    expect(devtools().getByLabelText('Current context').textContent).toContain('"user-2"'),
  )
})

test('the context editor refuses invalid JSON and non-objects without switching', async () => {
  const service = serveFlags([])
  const client = newClient()
  await mountDevtools(client)
  act(() => devtools().getByRole('tab', { name: 'Context' }).click())
  const editor = devtools().getByRole('textbox', { name: 'Evaluation context (JSON)' })
  act(() => fireEvent.change(editor, { target: { value: '{targetingKey: 1' } }))
  act(() => devtools().getByRole('button', { name: 'Switch context' }).click())
  await waitFor(() => expect(devtools().getByRole('alert').textContent).toMatch(/^Not valid JSON/))
  act(() => fireEvent.change(editor, { target: { value: '["user-2"]' } }))
  act(() => devtools().getByRole('button', { name: 'Switch context' }).click())
  await waitFor(() =>
    expect(devtools().getByRole('alert').textContent).toMatch(/^A context is a JSON object/),
  )
  expect(client.getState().context).toEqual({ targetingKey: 'user-1' })
  expect(service.requests).toHaveLength(1)
})

test('the status bar shows the connection and last sync, and Refresh flags asks again', async () => {
  const service = serveFlags([{ key: 'theme', value: 'dark' }])
  await mountDevtools(newClient())
  const status = devtools().getByRole('region', { name: 'Connection status' })
  expect(status.textContent).toContain('ready')
  expect(status.textContent).not.toContain('never')
  await act(() => devtools().getByRole('button', { name: 'Refresh flags' }).click())
  await waitFor(() => expect(service.requests).toHaveLength(2))
})
