import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { http, HttpResponse } from 'msw'
import { createFlagClient, FlagProvider, useFlag, useFlagClient, useFlagStatus } from 'vexil'
import { baseUrl, bulkUrl, serveFlags } from '../support/flagService'
import { server } from '../support/server'

afterEach(() => vi.restoreAllMocks())

function Checkout() {
  return <p>{useFlag('new-checkout', false) ? 'New checkout' : 'Classic checkout'}</p>
}

test('under StrictMode the client starts once and sends one request', async () => {
  const service = serveFlags([{ key: 'new-checkout', value: true }])
  const client = createFlagClient({ baseUrl })
  render(
    <StrictMode>
      <FlagProvider client={client}>
        <Checkout />
      </FlagProvider>
    </StrictMode>,
  )
  expect(await screen.findByText('New checkout')).toBeDefined()
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
  expect(service.requests).toHaveLength(1)
})

test('unmounting the provider closes the client', async () => {
  serveFlags([])
  const client = createFlagClient({ baseUrl })
  const close = vi.spyOn(client, 'close')
  const view = render(<FlagProvider client={client} />)
  view.unmount()
  await act(() => Promise.resolve())
  expect(close).toHaveBeenCalledTimes(1)
})

test('two providers sharing a client close it only when the last one unmounts', async () => {
  serveFlags([])
  const client = createFlagClient({ baseUrl })
  const close = vi.spyOn(client, 'close')
  const first = render(<FlagProvider client={client} />)
  const second = render(<FlagProvider client={client} />)
  first.unmount()
  await act(() => Promise.resolve())
  expect(close).not.toHaveBeenCalled()
  second.unmount()
  await act(() => Promise.resolve())
  expect(close).toHaveBeenCalledTimes(1)
})

test('useFlagClient gives components the provider’s client', () => {
  serveFlags([])
  const client = createFlagClient({ baseUrl })
  function Probe() {
    return <p>{useFlagClient() === client ? 'provider client' : 'another client'}</p>
  }
  render(
    <FlagProvider client={client}>
      <Probe />
    </FlagProvider>,
  )
  expect(screen.getByText('provider client')).toBeDefined()
})

test('a provider without a client says how to create one', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const Provider = FlagProvider as (props: object) => ReturnType<typeof FlagProvider>
  expect(() => render(<Provider />)).toThrow(
    '[vexil] <FlagProvider> needs a `client` prop: create one with createFlagClient({ baseUrl }) and pass it as <FlagProvider client={client}>.',
  )
})

test('a changed context prop re-evaluates for the new user, keeping the old values on screen meanwhile', async () => {
  const contexts: unknown[] = []
  server.use(
    http.post(bulkUrl, async ({ request }) => {
      const { context } = (await request.json()) as { context: { targetingKey: string } }
      contexts.push(context)
      return HttpResponse.json({
        flags: [{ key: 'greeting', value: `hello ${context.targetingKey}` }],
      })
    }),
  )
  const client = createFlagClient({ baseUrl, context: { targetingKey: 'ignored' } })
  function Greeting() {
    const { status } = useFlagStatus()
    return <p>{`${useFlag('greeting', '…')} (${status})`}</p>
  }
  const view = render(
    <FlagProvider client={client} context={{ targetingKey: 'alice' }}>
      <Greeting />
    </FlagProvider>,
  )
  expect(await screen.findByText('hello alice (ready)')).toBeDefined()
  view.rerender(
    <FlagProvider client={client} context={{ targetingKey: 'bob' }}>
      <Greeting />
    </FlagProvider>,
  )
  expect(screen.getByText('hello alice (stale)')).toBeDefined()
  expect(await screen.findByText('hello bob (ready)')).toBeDefined()
  expect(contexts).toEqual([{ targetingKey: 'alice' }, { targetingKey: 'bob' }])
})

test('an equal context object on every render does not refetch', async () => {
  const service = serveFlags([])
  const client = createFlagClient({ baseUrl })
  const view = render(<FlagProvider client={client} context={{ targetingKey: 'alice' }} />)
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
  view.rerender(<FlagProvider client={client} context={{ targetingKey: 'alice' }} />)
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
  expect(service.requests).toHaveLength(1)
})

test('useFlagStatus tells when the flags were last synced and how changes are followed', async () => {
  serveFlags([])
  const client = createFlagClient({ baseUrl, changeDetection: 'polling', pollIntervalMs: 60_000 })
  function Status() {
    const { connection, syncedAt } = useFlagStatus()
    return <p>{`${connection}, ${syncedAt === undefined ? 'never synced' : 'synced'}`}</p>
  }
  render(
    <FlagProvider client={client}>
      <Status />
    </FlagProvider>,
  )
  expect(screen.getByText('polling, never synced')).toBeDefined()
  expect(await screen.findByText('polling, synced')).toBeDefined()
})
