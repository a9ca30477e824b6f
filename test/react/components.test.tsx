import { render, screen, waitFor } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { createFlagClient, Flag, FlagProvider, Variant } from 'vexil'
import type { FlagClient } from 'vexil'
import { TestFlagProvider } from 'vexil/testing'
import { baseUrl, serveFlags } from '../support/flagService'

const clients: FlagClient[] = []
afterEach(() => {
  clients.splice(0).forEach((client) => client.close())
  vi.restoreAllMocks()
})

function renderWith(ui: React.ReactNode, onExposure = vi.fn()) {
  const client = createFlagClient({ baseUrl, context: { targetingKey: 'user-1' }, onExposure })
  clients.push(client)
  render(<FlagProvider client={client}>{ui}</FlagProvider>)
  return { onExposure }
}

test('Flag renders its children when the flag is on and the fallback otherwise', async () => {
  serveFlags([
    { key: 'new-checkout', value: true, variant: 'on' },
    { key: 'dark-mode', value: false, variant: 'off' },
  ])
  renderWith(
    <>
      <Flag name="new-checkout" fallback={<p>Classic checkout</p>}>
        <p>New checkout</p>
      </Flag>
      <Flag name="dark-mode" fallback={<p>Light</p>}>
        <p>Dark</p>
      </Flag>
    </>,
  )
  expect(screen.getByText('Classic checkout')).toBeDefined()
  expect(await screen.findByText('New checkout')).toBeDefined()
  expect(screen.getByText('Light')).toBeDefined()
})

test('Variant with is renders only in that variant', async () => {
  serveFlags([{ key: 'checkout-experiment', value: 'paypal', variant: 'paypal' }])
  renderWith(
    <>
      <Variant flag="checkout-experiment" is="paypal">
        <p>Pay with PayPal</p>
      </Variant>
      <Variant flag="checkout-experiment" is="visa" fallback={<p>No Visa offer</p>}>
        <p>Pay with Visa</p>
      </Variant>
    </>,
  )
  expect(await screen.findByText('Pay with PayPal')).toBeDefined()
  expect(screen.getByText('No Visa offer')).toBeDefined()
  expect(screen.queryByText('Pay with Visa')).toBeNull()
})

test('Variant with match renders the element of the user’s variant, or the fallback', async () => {
  serveFlags([{ key: 'checkout-experiment', value: 'visa', variant: 'visa' }])
  renderWith(
    <>
      <Variant
        flag="checkout-experiment"
        match={{ visa: <p>Visa button</p>, paypal: <p>PayPal button</p> }}
        fallback={<p>Card form</p>}
      />
      <Variant
        flag="checkout-experiment"
        match={{ paypal: <p>Only PayPal</p> }}
        fallback={<p>Not PayPal</p>}
      />
      <Variant
        flag="checkout-experiment"
        match={{ constructor: <p>prototype leak</p> }}
        fallback={<p>Safe</p>}
      />
    </>,
  )
  expect(await screen.findByText('Visa button')).toBeDefined()
  expect(screen.getByText('Not PayPal')).toBeDefined()
})

test('the components report exposures exactly like the hooks', async () => {
  serveFlags([{ key: 'checkout-experiment', value: 'visa', variant: 'visa' }])
  const { onExposure } = renderWith(
    <>
      <Variant flag="checkout-experiment" is="visa">
        <p>Visa</p>
      </Variant>
      <Variant flag="checkout-experiment" match={{ visa: <p>Visa again</p> }} />
      <Flag name="checkout-experiment" expose={false}>
        <p>Silent</p>
      </Flag>
    </>,
  )
  await screen.findByText('Visa again')
  await waitFor(() => expect(onExposure).toHaveBeenCalledTimes(1))
  expect(onExposure.mock.calls[0]?.[0]).toMatchObject({ 'feature_flag.result.variant': 'visa' })
})

test('Flag and Variant follow flags set from a test, without a network', () => {
  function Checkout() {
    return (
      <>
        <Flag name="new-checkout" fallback={<p>Classic checkout</p>}>
          <p>New checkout</p>
        </Flag>
        <Variant
          flag="checkout-experiment"
          match={{ paypal: <p>PayPal</p> }}
          fallback={<p>Card</p>}
        />
      </>
    )
  }
  const view = render(
    <TestFlagProvider flags={{ 'new-checkout': false, 'checkout-experiment': 'card' }}>
      <Checkout />
    </TestFlagProvider>,
  )
  expect(screen.getByText('Classic checkout')).toBeDefined()
  expect(screen.getByText('Card')).toBeDefined()
  view.rerender(
    <TestFlagProvider flags={{ 'new-checkout': true, 'checkout-experiment': 'paypal' }}>
      <Checkout />
    </TestFlagProvider>,
  )
  expect(screen.getByText('New checkout')).toBeDefined()
  expect(screen.getByText('PayPal')).toBeDefined()
})
