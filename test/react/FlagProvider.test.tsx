import { act, render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { createFlagClient, FlagProvider, useFlag, useFlagClient } from 'vexil'
import { baseUrl, serveFlags } from '../support/flagService'

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
