import { act, render, screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { FlagProvider, useFlag, useFlagDetails, useTrack, useVariant } from 'vexil'
import type { ExposureRecord } from 'vexil'
import { serveCollector, collectorUrl } from '../support/collector'
import { serveFlags } from '../support/flagService'
import { newReportingClient } from '../support/reportingClient'

// A collector for tests that do not look at it; a test's own serveCollector() takes precedence.
beforeEach(() => void serveCollector())
afterEach(() => {
  vi.restoreAllMocks()
})

function Checkout() {
  return <p>{useFlag('new-checkout', false) ? 'New checkout' : 'Classic checkout'}</p>
}

test('a read that reaches the screen is reported once, after commit, in the collector format', async () => {
  serveFlags([{ key: 'new-checkout', value: true, variant: 'on', reason: 'SPLIT' }])
  const collector = serveCollector()
  const client = newReportingClient()
  render(
    <FlagProvider client={client}>
      <Checkout />
    </FlagProvider>,
  )
  await screen.findByText('New checkout')
  await waitFor(() => expect(collector.events()).toHaveLength(1))
  expect(collector.events()[0]).toEqual({
    id: expect.any(String),
    kind: 'feature',
    contextKind: 'user',
    userKey: 'user-1',
    creationDate: expect.any(Number),
    key: 'new-checkout',
    variation: 'on',
    value: true,
    default: false,
    source: 'PROVIDER_CACHE',
  })
})

test('StrictMode double mounting yields one exposure', async () => {
  serveFlags([{ key: 'new-checkout', value: true, variant: 'on' }])
  const onExposure = vi.fn()
  const client = newReportingClient({ onExposure })
  render(
    <StrictMode>
      <FlagProvider client={client}>
        <Checkout />
        <Checkout />
      </FlagProvider>
    </StrictMode>,
  )
  await screen.findAllByText('New checkout')
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
  expect(onExposure).toHaveBeenCalledTimes(1)
})

test('the defaults shown while loading are not exposures', async () => {
  serveFlags([{ key: 'new-checkout', value: false, variant: 'off' }])
  const onExposure = vi.fn()
  const client = newReportingClient({ onExposure })
  render(
    <FlagProvider client={client}>
      <Checkout />
    </FlagProvider>,
  )
  await waitFor(() => expect(onExposure).toHaveBeenCalledTimes(1))
  expect(onExposure.mock.calls[0]?.[0]).toMatchObject({ 'feature_flag.result.variant': 'off' })
})

test('10,000 renders over 100 flags cost at most 3 collector requests and no duplicate exposure', async ({
  annotate,
}) => {
  const keys = Array.from({ length: 100 }, (_, index) => `flag-${index}`)
  serveFlags(keys.map((key) => ({ key, value: true, variant: 'on' })))
  const collector = serveCollector()
  const client = newReportingClient({ exposures: { url: collectorUrl } })
  function Reader({ flagKey, round }: { flagKey: string; round: number }) {
    return <li>{`${flagKey} ${String(useFlag(flagKey, false))} ${round}`}</li>
  }
  function Page({ round }: { round: number }) {
    return (
      <ul>
        {keys.map((key) => (
          <Reader key={key} flagKey={key} round={round} />
        ))}
      </ul>
    )
  }
  const view = render(
    <FlagProvider client={client}>
      <Page round={0} />
    </FlagProvider>,
  )
  await act(() => client.start())
  for (let round = 1; round < 100; round++) {
    view.rerender(
      <FlagProvider client={client}>
        <Page round={round} />
      </FlagProvider>,
    )
  }
  await waitFor(() => expect(collector.events()).toHaveLength(100))
  await act(() => new Promise((resolve) => setTimeout(resolve, 2_100)))
  const ids = collector.events().map((event) => event.id)
  const exposures = collector
    .events()
    .map((event) => `${event.key}/${event.variation}/${event.userKey}`)
  expect(collector.batches.length).toBeLessThanOrEqual(3)
  expect(new Set(ids).size).toBe(ids.length)
  expect(new Set(exposures).size).toBe(100)
  await annotate(`${collector.batches.length} requests, ${collector.bytes} bytes for 100 exposures`)
}, 20_000)

test('a variant change reports the new variant exactly once', async () => {
  const service = serveFlags([{ key: 'new-checkout', value: false, variant: 'off' }])
  const onExposure = vi.fn()
  const client = newReportingClient({ onExposure })
  render(
    <FlagProvider client={client}>
      <Checkout />
      <Checkout />
    </FlagProvider>,
  )
  await screen.findAllByText('Classic checkout')
  service.setFlags([{ key: 'new-checkout', value: true, variant: 'on' }])
  await act(() => client.refresh())
  await act(() => client.refresh())
  await screen.findAllByText('New checkout')
  const variants = onExposure.mock.calls.map(
    ([record]) => (record as ExposureRecord)['feature_flag.result.variant'],
  )
  expect(variants).toEqual(['off', 'on'])
})

test('expose: false reads report nothing', async () => {
  serveFlags([{ key: 'new-checkout', value: true, variant: 'on' }])
  const onExposure = vi.fn()
  const client = newReportingClient({ onExposure })
  function Silent() {
    const details = useFlagDetails('new-checkout', false, { expose: false })
    const { variant } = useVariant('new-checkout', { expose: false })
    return (
      <p>{`${String(useFlag('new-checkout', false, { expose: false }))} ${details.reason} ${variant}`}</p>
    )
  }
  render(
    <FlagProvider client={client}>
      <Silent />
    </FlagProvider>,
  )
  await screen.findByText('true UNKNOWN on')
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
  expect(onExposure).not.toHaveBeenCalled()
})

test('a missing flag is reported as the default it rendered', async () => {
  serveFlags([])
  const collector = serveCollector()
  const client = newReportingClient()
  render(
    <FlagProvider client={client}>
      <Checkout />
    </FlagProvider>,
  )
  await waitFor(() => expect(collector.events()).toHaveLength(1))
  expect(collector.events()[0]).toMatchObject({
    key: 'new-checkout',
    variation: 'SdkDefault',
    value: false,
    default: true,
  })
})

test('onExposure receives OpenTelemetry feature-flag attributes', async () => {
  serveFlags([{ key: 'checkout-experiment', value: 'paypal', variant: 'paypal', reason: 'SPLIT' }])
  const onExposure = vi.fn()
  const client = newReportingClient({ onExposure })
  function Experiment() {
    return <p>{useVariant('checkout-experiment').variant ?? 'control'}</p>
  }
  render(
    <FlagProvider client={client}>
      <Experiment />
    </FlagProvider>,
  )
  await waitFor(() => expect(onExposure).toHaveBeenCalled())
  expect(onExposure).toHaveBeenCalledWith({
    'feature_flag.key': 'checkout-experiment',
    'feature_flag.provider.name': 'vexil',
    'feature_flag.result.variant': 'paypal',
    'feature_flag.result.value': 'paypal',
    'feature_flag.result.reason': 'split',
    'feature_flag.context.id': 'user-1',
    'vexil.source': 'network',
  })
})

test('an onExposure callback that throws is isolated and reported once', async () => {
  serveFlags([
    { key: 'a', value: true },
    { key: 'b', value: true },
  ])
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const listener = vi.fn()
  const client = newReportingClient({
    onExposure: () => {
      throw new Error('analytics is down')
    },
  })
  client.on('exposure', listener)
  function Both() {
    return <p>{`${String(useFlag('a', false))} ${String(useFlag('b', false))}`}</p>
  }
  render(
    <FlagProvider client={client}>
      <Both />
    </FlagProvider>,
  )
  await screen.findByText('true true')
  await waitFor(() => expect(listener).toHaveBeenCalledTimes(2))
  expect(
    warn.mock.calls.filter(([message]) => String(message).includes('analytics is down')),
  ).toHaveLength(1)
})

test('useTrack records a conversion for the current user', async () => {
  serveFlags([])
  const collector = serveCollector()
  const onTrack = vi.fn()
  const client = newReportingClient({ onTrack })
  function Buy() {
    const track = useTrack()
    return (
      <button onClick={() => track('checkout-completed', { value: 42.5, currency: 'EUR' })}>
        Buy
      </button>
    )
  }
  render(
    <FlagProvider client={client}>
      <Buy />
    </FlagProvider>,
  )
  screen.getByRole('button', { name: 'Buy' }).click()
  await waitFor(() => expect(collector.events()).toHaveLength(1))
  expect(collector.events()[0]).toMatchObject({
    kind: 'tracking',
    key: 'checkout-completed',
    userKey: 'user-1',
    evaluationContext: { targetingKey: 'user-1' },
    trackingEventDetails: { value: 42.5, currency: 'EUR' },
  })
  expect(onTrack).toHaveBeenCalledWith(
    expect.objectContaining({ name: 'checkout-completed', value: 42.5 }),
  )
})

test('another user seeing the same variant is another exposure', async () => {
  serveFlags([{ key: 'new-checkout', value: true, variant: 'on' }])
  const onExposure = vi.fn()
  const client = newReportingClient({ onExposure })
  const view = render(
    <FlagProvider client={client} context={{ targetingKey: 'user-1' }}>
      <Checkout />
    </FlagProvider>,
  )
  await waitFor(() => expect(onExposure).toHaveBeenCalledTimes(1))
  view.rerender(
    <FlagProvider client={client} context={{ targetingKey: 'user-2' }}>
      <Checkout />
    </FlagProvider>,
  )
  await waitFor(() => expect(onExposure).toHaveBeenCalledTimes(2))
  expect(
    onExposure.mock.calls.map(([record]) => (record as ExposureRecord)['feature_flag.context.id']),
  ).toEqual(['user-1', 'user-2'])
})

test('an overridden read is marked and kept out of the collector by default', async () => {
  serveFlags([{ key: 'new-checkout', value: false, variant: 'off' }])
  const collector = serveCollector()
  const onExposure = vi.fn()
  const client = newReportingClient({ onExposure })
  client.setOverride('new-checkout', true)
  render(
    <FlagProvider client={client}>
      <Checkout />
    </FlagProvider>,
  )
  await screen.findByText('New checkout')
  await waitFor(() => expect(onExposure).toHaveBeenCalled())
  await act(() => new Promise((resolve) => setTimeout(resolve, 60)))
  expect(onExposure.mock.calls[0]?.[0]).toMatchObject({ 'vexil.source': 'override' })
  expect(collector.events()).toEqual([])
})

test('includeOverrides sends overridden reads to the collector too', async () => {
  serveFlags([{ key: 'new-checkout', value: false, variant: 'off' }])
  const collector = serveCollector()
  const client = newReportingClient({
    exposures: { url: collectorUrl, flushIntervalMs: 20, includeOverrides: true },
  })
  client.setOverride('new-checkout', true)
  render(
    <FlagProvider client={client}>
      <Checkout />
    </FlagProvider>,
  )
  await waitFor(() => expect(collector.events()).toHaveLength(1))
  expect(collector.events()[0]).toMatchObject({ key: 'new-checkout', value: true })
})
