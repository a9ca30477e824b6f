import { render, screen, waitFor } from '@testing-library/react'
import { http, passthrough } from 'msw'
import { afterEach, expect, test } from 'vitest'
import { createFlagClient, FlagProvider, useFlag, useFlagStatus } from 'vexil'
import type { FlagClient } from 'vexil'
import { NodeEventSource } from '../support/NodeEventSource'
import { startLocalFlagService } from '../support/localFlagService'
import { server } from '../support/server'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

function Banner() {
  const { connection } = useFlagStatus()
  return (
    <>
      <p>{useFlag('sale-banner', false) ? 'Sale on now' : 'No sale'}</p>
      <p role="status">{connection}</p>
    </>
  )
}

async function livePage() {
  server.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()))
  const service = await startLocalFlagService({ 'sale-banner': false })
  const client: FlagClient = createFlagClient({
    baseUrl: service.url,
    context: { targetingKey: 'user-1' },
    EventSource: NodeEventSource,
  })
  cleanups.push(
    () => client.close(),
    () => service.close(),
  )
  render(
    <FlagProvider client={client}>
      <Banner />
    </FlagProvider>,
  )
  await screen.findByText('No sale')
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('streaming'))
  return service
}

test('a flag changed on the service reaches the page over the stream without a reload', async ({
  annotate,
}) => {
  const service = await livePage()
  const changedAt = performance.now()
  service.setFlag('sale-banner', true)
  await screen.findByText('Sale on now')
  await annotate(`stream notice to re-render: ${(performance.now() - changedAt).toFixed(1)} ms`)
  expect(service.bulkRequests).toBe(2)
})

test('the kill switch takes the feature away just as fast', async () => {
  const service = await livePage()
  service.setFlag('sale-banner', true)
  await screen.findByText('Sale on now')
  service.setFlag('sale-banner', false)
  await screen.findByText('No sale')
})
