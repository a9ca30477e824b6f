import { act, render, screen } from '@testing-library/react'
import { HttpResponse } from 'msw'
import { afterEach, expect, expectTypeOf, test, vi } from 'vitest'
import { useFlag, useFlagDetails, useFlagStatus, useVariant } from 'vexil'
import type { FlagEvaluation, JsonValue } from 'vexil'
import { answerWith, serveFlags } from '../support/flagService'
import { renderWithFlags } from '../support/renderWithFlags'

afterEach(() => vi.restoreAllMocks())

function Checkout() {
  const newCheckout = useFlag('new-checkout', false)
  return <p>{newCheckout ? 'New checkout' : 'Classic checkout'}</p>
}

function Status() {
  const { status, error } = useFlagStatus()
  return <p role="status">{error ? `${status}: ${error.code}` : status}</p>
}

test('the first render shows defaults while loading, then the served values when ready', async () => {
  serveFlags([{ key: 'new-checkout', value: true }])
  renderWithFlags(
    <>
      <Checkout />
      <Status />
    </>,
  )
  expect(screen.getByText('Classic checkout')).toBeDefined()
  expect(screen.getByRole('status').textContent).toBe('loading')
  expect(await screen.findByText('New checkout')).toBeDefined()
  expect(screen.getByRole('status').textContent).toBe('ready')
})

test('useFlag returns strings, numbers and objects as served', async () => {
  serveFlags([
    { key: 'theme', value: 'dark' },
    { key: 'max-items', value: 7 },
    { key: 'limits', value: { daily: 3 } },
  ])
  function Settings() {
    const theme = useFlag('theme', 'light')
    const maxItems = useFlag('max-items', 5)
    const limits = useFlag('limits', { daily: 1 })
    return <p>{`${theme} ${maxItems} ${limits.daily}`}</p>
  }
  renderWithFlags(<Settings />)
  expect(screen.getByText('light 5 1')).toBeDefined()
  expect(await screen.findByText('dark 7 3')).toBeDefined()
})

test('useFlag is typed by its default while no flags are registered', () => {
  expectTypeOf<ReturnType<typeof useFlag<string, false>>>().toEqualTypeOf<boolean>()
  expectTypeOf<ReturnType<typeof useFlag<string, 'light'>>>().toEqualTypeOf<string>()
  expectTypeOf<ReturnType<typeof useFlag<string, 5>>>().toEqualTypeOf<number>()
  expectTypeOf<ReturnType<typeof useFlag<string, { daily: number }>>>().toEqualTypeOf<{
    daily: number
  }>()
  expectTypeOf<ReturnType<typeof useFlagDetails<string, true>>>().toEqualTypeOf<
    FlagEvaluation<boolean>
  >()
  expectTypeOf(useFlag).parameter(0).toEqualTypeOf<string>()
  // @ts-expect-error a default must be a JSON-typed flag value
  expectTypeOf(useFlag).toBeCallableWith('x', undefined)
})

test('useFlagDetails tells the variant, reason and source of a value', async () => {
  serveFlags([{ key: 'new-checkout', value: true, variant: 'on', reason: 'SPLIT' }])
  function Details() {
    const { value, variant, reason, source, errorCode } = useFlagDetails('new-checkout', false)
    return <p>{[String(value), variant, reason, source, errorCode ?? 'no error'].join(' ')}</p>
  }
  renderWithFlags(<Details />)
  expect(screen.getByText('false ERROR default PROVIDER_NOT_READY')).toBeDefined()
  expect(await screen.findByText('true on SPLIT network no error')).toBeDefined()
})

test('useVariant tells which variant of an experiment this user is in', async () => {
  serveFlags([{ key: 'checkout-experiment', value: 'paypal', variant: 'paypal', reason: 'SPLIT' }])
  function Experiment() {
    const { variant, value } = useVariant('checkout-experiment')
    expectTypeOf(value).toEqualTypeOf<JsonValue | undefined>()
    return <p>{variant === undefined ? 'control' : `${variant} (${String(value)})`}</p>
  }
  renderWithFlags(<Experiment />)
  expect(screen.getByText('control')).toBeDefined()
  expect(await screen.findByText('paypal (paypal)')).toBeDefined()
})

test('a wrong-typed flag renders the default instead of throwing', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  serveFlags([{ key: 'new-checkout', value: 'yes please' }])
  const { client } = renderWithFlags(<Checkout />)
  await act(() => client.start())
  expect(screen.getByText('Classic checkout')).toBeDefined()
})

test('a failed refresh shows the error status and keeps the last-known values on screen', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  let down = false
  answerWith(() =>
    down
      ? new HttpResponse(null, { status: 503 })
      : HttpResponse.json({ flags: [{ key: 'new-checkout', value: true }] }),
  )
  const { client } = renderWithFlags(
    <>
      <Checkout />
      <Status />
    </>,
  )
  expect(await screen.findByText('New checkout')).toBeDefined()
  down = true
  await act(() => client.refresh())
  expect(screen.getByRole('status').textContent).toBe('error: server')
  expect(screen.getByText('New checkout')).toBeDefined()
})

test('a malformed answer never reaches a component', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  answerWith(() => HttpResponse.json({ flags: [{ key: 'new-checkout', value: true }, null] }))
  renderWithFlags(
    <>
      <Checkout />
      <Status />
    </>,
  )
  expect(await screen.findByText('error: malformed-response')).toBeDefined()
  expect(screen.getByText('Classic checkout')).toBeDefined()
})

test('a hook outside a provider throws an error that says how to fix it', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  expect(() => render(<Checkout />)).toThrow(
    /outside <FlagProvider>\. Wrap the app .* in <FlagProvider client=/,
  )
})

test('an override set while the page is open shows at once, marked as an override', async () => {
  serveFlags([{ key: 'new-checkout', value: false }])
  function Source() {
    const { value, source } = useFlagDetails('new-checkout', false)
    return <p>{`${String(value)} from ${source}`}</p>
  }
  const { client } = renderWithFlags(<Source />)
  await screen.findByText('false from network')
  act(() => client.setOverride('new-checkout', true))
  expect(await screen.findByText('true from override')).toBeDefined()
  act(() => client.removeOverride('new-checkout'))
  expect(screen.getByText('false from network')).toBeDefined()
})
