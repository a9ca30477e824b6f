import { OFREPWebProvider } from '@openfeature/ofrep-web-provider'
import { OpenFeature, ProviderEvents } from '@openfeature/web-sdk'
import { EventSource } from 'undici'
import { afterEach, beforeAll, expect, test } from 'vitest'
import { closeDevServers, postJson, startDevServer } from './devServerHarness'
import { shopFlags } from './flagFixtures'

// The OpenFeature OFREP web provider is an independent client: if it understands the dev server,
// the server speaks OFREP and not only what vexil's own SDK expects.

beforeAll(() => {
  // Node 20 has no global EventSource; undici's implements the same WHATWG specification.
  globalThis.EventSource ??= EventSource as unknown as typeof globalThis.EventSource
})

// No page here: nothing to persist to, and no visibility to follow.
const provider = (baseUrl: string) =>
  new OFREPWebProvider({ baseUrl, cacheMode: 'disabled', disableVisibilityRefresh: true })

afterEach(async () => {
  await OpenFeature.close()
  await closeDevServers()
})

test('the OFREP web provider evaluates flags from the dev server', async () => {
  const { url } = await startDevServer(shopFlags)
  await OpenFeature.setContext({ targetingKey: 'user-1', email: 'ana@example.com' })
  await OpenFeature.setProviderAndWait(provider(url))
  const client = OpenFeature.getClient()
  expect(client.getBooleanDetails('new-checkout', false)).toMatchObject({
    value: true,
    variant: 'on',
    reason: 'TARGETING_MATCH',
  })
  expect(client.getStringValue('theme', 'sepia')).toBe('light')
  expect(client.getObjectValue('pro-limits', {})).toEqual({ daily: 3 })
  expect(client.getBooleanDetails('legacy-banner', false)).toMatchObject({
    value: false,
    reason: 'DISABLED',
  })
})

test('the OFREP web provider follows the event stream to a kill switch', async () => {
  const { url, server } = await startDevServer(shopFlags)
  await OpenFeature.setContext({ targetingKey: 'user-1', email: 'ana@example.com' })
  await OpenFeature.setProviderAndWait(provider(url))
  const client = OpenFeature.getClient()
  await expect.poll(() => server.openStreamCount()).toBe(1)
  const changed = new Promise((resolve) =>
    client.addHandler(ProviderEvents.ConfigurationChanged, resolve),
  )
  await postJson(`${url}/admin/flags/new-checkout`, { state: 'DISABLED', actor: 'test' })
  await changed
  expect(client.getBooleanDetails('new-checkout', false)).toMatchObject({
    value: false,
    reason: 'DISABLED',
  })
})
