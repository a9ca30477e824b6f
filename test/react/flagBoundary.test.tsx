import { act, render, screen, waitFor } from '@testing-library/react'
import { Component, StrictMode } from 'react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import {
  Flag,
  FlagBoundary,
  FlagProvider,
  useFlag,
  useFlagClient,
  useVariant,
  Variant,
} from 'vexil'
import type { FlagClient } from 'vexil'
import { serveCollector } from '../support/collector'
import { serveFlags } from '../support/flagService'
import { newReportingClient } from '../support/reportingClient'

beforeEach(() => {
  // A collector for tests that do not look at it; a test's own serveCollector() takes precedence.
  serveCollector()
  serveFlags([{ key: 'new-checkout', value: true, variant: 'treatment', reason: 'SPLIT' }])
  // React reports every caught render error on the console; these tests throw on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  vi.restoreAllMocks()
})

function Checkout() {
  if (useFlag('new-checkout', false)) throw new TypeError('price is undefined')
  return <p>Classic checkout</p>
}

function CheckoutLabel() {
  return <p>{useFlag('new-checkout', false) ? 'label: new' : 'label: classic'}</p>
}

class OuterBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {}
  static getDerivedStateFromError(error: Error) {
    return { error }
  }
  override render() {
    return this.state.error ? <p>Outer caught: {this.state.error.message}</p> : this.props.children
  }
}

// StrictMode renders twice and React retries a failed render: still one report.
function renderApp(client: FlagClient, ui: ReactNode) {
  return render(
    <StrictMode>
      <FlagProvider client={client}>
        <OuterBoundary>{ui}</OuterBoundary>
      </FlagProvider>
    </StrictMode>,
  )
}

test('a variant that throws while rendering falls back, pins the flag and reports once', async () => {
  const collector = serveCollector()
  const onFlagError = vi.fn()
  const client = newReportingClient({ onFlagError })
  renderApp(
    client,
    <>
      <FlagBoundary flag="new-checkout" fallback={<p>Fallback checkout</p>}>
        <Checkout />
      </FlagBoundary>
      <CheckoutLabel />
    </>,
  )
  await screen.findByText('Fallback checkout')
  expect(screen.getByText('label: classic')).toBeTruthy()
  expect(client.evaluate('new-checkout', false)).toMatchObject({
    value: false,
    reason: 'ERROR',
    errorCode: 'GENERAL',
    errorDetails:
      'pinned to its default for this page session after variant "treatment" threw TypeError: price is undefined',
  })
  expect(onFlagError).toHaveBeenCalledTimes(1)
  expect(onFlagError.mock.calls[0]?.[0]).toEqual({
    'feature_flag.key': 'new-checkout',
    'feature_flag.provider.name': 'vexil',
    'feature_flag.result.variant': 'treatment',
    'feature_flag.context.id': 'user-1',
    'error.type': 'TypeError',
    error: expect.objectContaining({ message: 'price is undefined' }),
  })
  await waitFor(() =>
    expect(collector.events().filter((event) => event.kind === 'tracking')).toHaveLength(1),
  )
  expect(collector.events().find((event) => event.kind === 'tracking')).toMatchObject({
    key: 'vexil.flag_error',
    userKey: 'user-1',
    trackingEventDetails: { flagKey: 'new-checkout', variant: 'treatment', errorType: 'TypeError' },
  })
})

test('the failing variant counts as exposed, though its render never committed', async () => {
  const collector = serveCollector()
  const client = newReportingClient()
  renderApp(
    client,
    <FlagBoundary flag="new-checkout" fallback={<p>Fallback checkout</p>}>
      <Checkout />
    </FlagBoundary>,
  )
  await screen.findByText('Fallback checkout')
  await waitFor(() =>
    expect(collector.events().filter((event) => event.kind === 'feature')).toEqual([
      expect.objectContaining({ key: 'new-checkout', variation: 'treatment', default: false }),
    ]),
  )
})

test('the pin holds for the page session, even when the service serves the variant again', async () => {
  const service = serveFlags([{ key: 'new-checkout', value: true, variant: 'treatment' }])
  const client = newReportingClient()
  renderApp(
    client,
    <FlagBoundary flag="new-checkout" fallback={<p>Fallback checkout</p>}>
      <Checkout />
    </FlagBoundary>,
  )
  await screen.findByText('Fallback checkout')
  service.setFlags([{ key: 'new-checkout', value: true, variant: 'treatment-2' }])
  await act(() => client.refresh())
  expect(client.getState().flags['new-checkout']?.variant).toBe('treatment-2')
  expect(screen.getByText('Fallback checkout')).toBeTruthy()
  expect(client.evaluate('new-checkout', false).value).toBe(false)
})

test('without a fallback the children render again and read the default', async () => {
  const client = newReportingClient()
  renderApp(
    client,
    <FlagBoundary flag="new-checkout">
      <Checkout />
    </FlagBoundary>,
  )
  expect(await screen.findByText('Classic checkout')).toBeTruthy()
})

test('an error in the fallback is not swallowed', async () => {
  function BrokenFallback(): ReactNode {
    throw new Error('the fallback is broken too')
  }
  const client = newReportingClient()
  renderApp(
    client,
    <FlagBoundary flag="new-checkout" fallback={<BrokenFallback />}>
      <Checkout />
    </FlagBoundary>,
  )
  expect(await screen.findByText('Outer caught: the fallback is broken too')).toBeTruthy()
})

test('an error while the default is on screen reaches the next boundary without a pin', async () => {
  serveFlags([{ key: 'new-checkout', value: false, variant: 'control' }])
  function BrokenClassic(): ReactNode {
    useFlag('new-checkout', false)
    throw new Error('classic checkout is broken')
  }
  const onFlagError = vi.fn()
  const client = newReportingClient({ onFlagError })
  renderApp(
    client,
    <FlagBoundary flag="new-checkout" fallback={<p>Fallback checkout</p>}>
      <BrokenClassic />
    </FlagBoundary>,
  )
  // Before the service answers nothing is served, and after it the control is: neither can pin.
  expect(await screen.findByText('Outer caught: classic checkout is broken')).toBeTruthy()
  await act(() => client.start())
  expect(client.getState().pins).toEqual({})
  expect(onFlagError).not.toHaveBeenCalled()
})

test('reportError pins a flag that failed outside render, and boundaries show their fallback', async () => {
  function PayButton() {
    const client = useFlagClient()
    const { variant } = useVariant('new-checkout')
    return (
      <button
        type="button"
        onClick={() => client.reportError('new-checkout', new RangeError('no'))}
      >
        Pay with {variant ?? 'default'}
      </button>
    )
  }
  const onFlagError = vi.fn()
  const client = newReportingClient({ onFlagError })
  renderApp(
    client,
    <FlagBoundary flag="new-checkout" fallback={<p>Fallback checkout</p>}>
      <PayButton />
    </FlagBoundary>,
  )
  const button = await screen.findByRole('button', { name: 'Pay with treatment' })
  act(() => button.click())
  expect(screen.getByText('Fallback checkout')).toBeTruthy()
  act(() => client.reportError('new-checkout', new RangeError('again')))
  expect(onFlagError).toHaveBeenCalledTimes(1)
  expect(client.getState().pins['new-checkout']?.error).toEqual({
    type: 'RangeError',
    message: 'no',
  })
})

test('Flag with pinOnError renders its fallback when its children throw', async () => {
  function NewCheckout(): ReactNode {
    throw new Error('new checkout is broken')
  }
  const client = newReportingClient()
  renderApp(
    client,
    <Flag name="new-checkout" fallback={<p>Classic checkout</p>} pinOnError>
      <NewCheckout />
    </Flag>,
  )
  expect(await screen.findByText('Classic checkout')).toBeTruthy()
  expect(client.getState().pins['new-checkout']).toBeDefined()
})

test('Variant with pinOnError renders its fallback when the matched element throws', async () => {
  function Treatment(): ReactNode {
    throw new Error('treatment is broken')
  }
  const client = newReportingClient()
  renderApp(
    client,
    <Variant
      flag="new-checkout"
      match={{ treatment: <Treatment /> }}
      fallback={<p>Control checkout</p>}
      pinOnError
    />,
  )
  expect(await screen.findByText('Control checkout')).toBeTruthy()
})

test('Flag without pinOnError lets the error through', async () => {
  function NewCheckout(): ReactNode {
    throw new Error('new checkout is broken')
  }
  const client = newReportingClient()
  renderApp(
    client,
    <Flag name="new-checkout" fallback={<p>Classic checkout</p>}>
      <NewCheckout />
    </Flag>,
  )
  expect(await screen.findByText('Outer caught: new checkout is broken')).toBeTruthy()
  expect(client.getState().pins).toEqual({})
})

test('a failure of an overridden value is not sent to the collector', async () => {
  serveFlags([{ key: 'new-checkout', value: false, variant: 'control' }])
  const collector = serveCollector()
  const onFlagError = vi.fn()
  const client = newReportingClient({ onFlagError, allowOverrides: true })
  client.setOverride('new-checkout', { variant: 'treatment', value: true })
  renderApp(
    client,
    <>
      <FlagBoundary flag="new-checkout" fallback={<p>Fallback checkout</p>}>
        <Checkout />
      </FlagBoundary>
      <CheckoutLabel />
    </>,
  )
  await screen.findByText('Fallback checkout')
  expect(onFlagError).toHaveBeenCalledTimes(1)
  // The label's read of the pinned default is delivered, so the collector is reachable: the
  // failure was left out, not lost.
  await waitFor(() =>
    expect(collector.events()).toContainEqual(
      expect.objectContaining({ kind: 'feature', key: 'new-checkout', default: true }),
    ),
  )
  expect(collector.events().filter((event) => event.kind === 'tracking')).toEqual([])
})
