import { act, render, screen } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import {
  FlagBoundary,
  FlagClientError,
  FlagProvider,
  useFlag,
  useFlagDetails,
  useFlagStatus,
  useTrack,
  useVariant,
} from 'vexil'
import { createTestFlagClient } from 'vexil/testing'
import { Checkout } from './Checkout'

afterEach(() => vi.restoreAllMocks())

function PaymentButton() {
  const { variant } = useVariant('checkout-experiment')
  const track = useTrack()
  return (
    <button onClick={() => track('purchase', { value: 42 })}>
      {variant === 'paypal' ? 'Pay with PayPal' : 'Pay now'}
    </button>
  )
}

function Status() {
  const { status, error } = useFlagStatus()
  return <p role="status">{error ? `${status}: ${error.message}` : status}</p>
}

function Reason({ flag }: { flag: string }) {
  const { value, errorCode } = useFlagDetails(flag, false)
  return <p>{`${flag}: ${value} (${errorCode ?? 'ok'})`}</p>
}

test('the real hooks read the flags a test client serves', () => {
  const client = createTestFlagClient({
    flags: { 'new-checkout': true, 'checkout-experiment': 'paypal' },
  })
  render(
    <FlagProvider client={client}>
      <Checkout />
      <PaymentButton />
    </FlagProvider>,
  )
  expect(screen.getByRole('button', { name: 'Pay in one click' })).toBeDefined()
  expect(screen.getByRole('button', { name: 'Pay with PayPal' })).toBeDefined()
})

test('setFlag re-renders the readers of that flag, and only them', () => {
  const client = createTestFlagClient({ flags: { banner: 'sale', theme: 'light' } })
  const renders = new Map<string, number>()
  function Reader({ flag }: { flag: string }) {
    renders.set(flag, (renders.get(flag) ?? 0) + 1)
    return <p>{`${flag}: ${useFlag(flag, '')}`}</p>
  }
  render(
    <FlagProvider client={client}>
      <Reader flag="banner" />
      <Reader flag="theme" />
    </FlagProvider>,
  )
  renders.clear()
  act(() => client.setFlag('theme', 'dark'))
  expect(screen.getByText('theme: dark')).toBeDefined()
  expect([...renders]).toEqual([['theme', 1]])
})

test('removeFlag serves the default as a flag the service does not know', () => {
  const client = createTestFlagClient({ flags: { 'new-checkout': true } })
  render(
    <FlagProvider client={client}>
      <Reason flag="new-checkout" />
    </FlagProvider>,
  )
  act(() => client.removeFlag('new-checkout'))
  expect(screen.getByText('new-checkout: false (FLAG_NOT_FOUND)')).toBeDefined()
})

test('a value of another type than the default serves the default, as the real client does', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  const client = createTestFlagClient({ flags: { 'new-checkout': 'yes' } })
  render(
    <FlagProvider client={client}>
      <Reason flag="new-checkout" />
    </FlagProvider>,
  )
  expect(screen.getByText('new-checkout: false (TYPE_MISMATCH)')).toBeDefined()
})

test('a loading client serves defaults until setStatus("ready")', () => {
  const client = createTestFlagClient({ flags: { 'new-checkout': true }, status: 'loading' })
  render(
    <FlagProvider client={client}>
      <Status />
      <Checkout />
    </FlagProvider>,
  )
  expect(screen.getByRole('status').textContent).toBe('loading')
  expect(screen.getByRole('button', { name: 'Proceed to payment' })).toBeDefined()
  act(() => client.setStatus('ready'))
  expect(screen.getByRole('status').textContent).toBe('ready')
  expect(screen.getByRole('button', { name: 'Pay in one click' })).toBeDefined()
})

test('setStatus("error") reports the error and keeps the last known values', () => {
  const client = createTestFlagClient({ flags: { 'new-checkout': true } })
  render(
    <FlagProvider client={client}>
      <Status />
      <Checkout />
    </FlagProvider>,
  )
  act(() => client.setStatus('error', new FlagClientError('server', 'Answered 500.')))
  expect(screen.getByRole('status').textContent).toBe('error: Answered 500.')
  expect(screen.getByRole('button', { name: 'Pay in one click' })).toBeDefined()
})

test('exposures are recorded once per flag, variant and user', () => {
  const client = createTestFlagClient({ flags: { 'checkout-experiment': 'visa' } })
  const { rerender } = render(
    <FlagProvider client={client}>
      <PaymentButton />
      <PaymentButton />
    </FlagProvider>,
  )
  rerender(
    <FlagProvider client={client}>
      <PaymentButton />
    </FlagProvider>,
  )
  act(() => client.setFlag('checkout-experiment', 'paypal'))
  expect(client.exposures.map(({ key, variant }) => [key, variant])).toEqual([
    ['checkout-experiment', 'visa'],
    ['checkout-experiment', 'paypal'],
  ])
})

test('tracked records every track call with the context it was made in', () => {
  const client = createTestFlagClient({ context: { targetingKey: 'user-1' } })
  render(
    <FlagProvider client={client}>
      <PaymentButton />
    </FlagProvider>,
  )
  act(() => screen.getByRole('button', { name: 'Pay now' }).click())
  expect(client.tracked).toEqual([
    { name: 'purchase', details: { value: 42 }, context: { targetingKey: 'user-1' } },
  ])
})

test('listeners hear about changed flags, exposures and errors like with the real client', () => {
  const client = createTestFlagClient({ flags: { 'new-checkout': false, theme: 'light' } })
  const heard: string[] = []
  client.on('change', ({ keys }) => heard.push(`change ${keys.join()}`))
  client.on('exposure', (record) => heard.push(`exposure ${record['feature_flag.key']}`))
  client.on('error', (error) => heard.push(`error ${error.code}`))
  client.setFlags({ 'new-checkout': true, theme: 'light' })
  client.expose(client.evaluate('new-checkout', false))
  client.setStatus('error')
  expect(heard).toEqual(['change new-checkout', 'exposure new-checkout', 'error server'])
})

test('evaluate reads a flag outside React with its reason', () => {
  const client = createTestFlagClient({
    flags: { 'checkout-experiment': { value: 'visa', variant: 'visa', reason: 'SPLIT' } },
  })
  expect(client.evaluate('checkout-experiment', 'control')).toMatchObject({
    value: 'visa',
    variant: 'visa',
    reason: 'SPLIT',
    source: 'network',
  })
})

test('a failure item serves the default with its error code', () => {
  const client = createTestFlagClient({ flags: { 'new-checkout': { errorCode: 'PARSE_ERROR' } } })
  expect(client.evaluate('new-checkout', true)).toMatchObject({
    value: true,
    errorCode: 'PARSE_ERROR',
    source: 'default',
  })
})

test('an override wins over the served value until it is removed', () => {
  const client = createTestFlagClient({ flags: { 'new-checkout': false } })
  render(
    <FlagProvider client={client}>
      <Checkout />
    </FlagProvider>,
  )
  act(() => client.setOverride('new-checkout', true))
  expect(screen.getByRole('button', { name: 'Pay in one click' })).toBeDefined()
  act(() => client.removeOverride('new-checkout'))
  expect(screen.getByRole('button', { name: 'Proceed to payment' })).toBeDefined()
})

test('a test client records what FlagBoundary reports and pins the flag', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  function NewCheckout() {
    if (useFlag('new-checkout', false)) throw new TypeError('price is undefined')
    return <p>Classic checkout</p>
  }
  const client = createTestFlagClient({
    flags: { 'new-checkout': { value: true, variant: 'treatment' } },
    context: { targetingKey: 'user-1' },
  })
  render(
    <FlagProvider client={client}>
      <FlagBoundary flag="new-checkout">
        <NewCheckout />
      </FlagBoundary>
    </FlagProvider>,
  )
  expect(await screen.findByText('Classic checkout')).toBeTruthy()
  expect(client.flagErrors).toEqual([
    expect.objectContaining({
      'feature_flag.key': 'new-checkout',
      'feature_flag.result.variant': 'treatment',
      'error.type': 'TypeError',
    }),
  ])
  expect(client.exposures.map(({ variant }) => variant)).toContain('treatment')
  act(() => client.setFlag('new-checkout', { value: true, variant: 'treatment' }))
  expect(screen.getByText('Classic checkout')).toBeTruthy()
})
