import { act, render, screen } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { Suspense } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { createFlagClient, FlagProvider, useSuspenseFlag } from 'vexil'
import type { FlagClient } from 'vexil'
import { baseUrl, bulkUrl, serveFlags } from '../support/flagService'
import { server } from '../support/server'

const clients: FlagClient[] = []
afterEach(() => {
  clients.splice(0).forEach((client) => client.close())
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function Checkout({ timeoutMs }: { timeoutMs?: number }) {
  return (
    <p>
      {useSuspenseFlag('new-checkout', false, { timeoutMs }) ? 'New checkout' : 'Classic checkout'}
    </p>
  )
}

function renderSuspended(ui: React.ReactNode) {
  const client = createFlagClient({ baseUrl, context: { targetingKey: 'user-1' } })
  clients.push(client)
  const view = render(
    <FlagProvider client={client}>
      <Suspense fallback={<p>Loading flags…</p>}>{ui}</Suspense>
    </FlagProvider>,
  )
  return { client, view }
}

test('suspends until the first answer, so the first paint shows the real value', async () => {
  serveFlags([{ key: 'new-checkout', value: true }])
  renderSuspended(<Checkout />)
  expect(screen.getByText('Loading flags…')).toBeDefined()
  expect(await screen.findByText('New checkout')).toBeDefined()
  expect(screen.queryByText('Classic checkout')).toBeNull()
})

test('never suspends again on a background refetch', async () => {
  const service = serveFlags([{ key: 'new-checkout', value: false }])
  const { client } = renderSuspended(<Checkout />)
  await screen.findByText('Classic checkout')
  service.setFlags([{ key: 'new-checkout', value: true }])
  const refreshed = client.refresh()
  expect(screen.queryByText('Loading flags…')).toBeNull()
  await act(() => refreshed)
  expect(screen.getByText('New checkout')).toBeDefined()
})

test('renders the default instead of suspending forever when the service does not answer', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  server.use(
    http.post(bulkUrl, async () => {
      await delay('infinite')
      return HttpResponse.json({ flags: [] })
    }),
  )
  renderSuspended(<Checkout timeoutMs={50} />)
  expect(screen.getByText('Loading flags…')).toBeDefined()
  expect(await screen.findByText('Classic checkout')).toBeDefined()
})

test('a boundary above the provider still gets its answer', async () => {
  serveFlags([{ key: 'new-checkout', value: true }])
  const client = createFlagClient({ baseUrl, context: { targetingKey: 'user-1' } })
  clients.push(client)
  render(
    <Suspense fallback={<p>Loading flags…</p>}>
      <FlagProvider client={client}>
        <Checkout />
      </FlagProvider>
    </Suspense>,
  )
  expect(await screen.findByText('New checkout')).toBeDefined()
})
