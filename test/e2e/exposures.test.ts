import type { Page } from 'playwright-core'
import { expect, test, vi } from 'vitest'
import type { FeatureEvent, TrackingEvent } from 'vexil/server'
import { contextOf, findUser } from '../../examples/shop/src/users'
import { setupShopDemo } from './support/setupShopDemo'

const demo = setupShopDemo()

const flagsReady = (page: Page) => page.getByText(/^Flags ready/).waitFor()

/** Leaving the page fires `pagehide`, which sends whatever is still queued as a beacon. */
const leave = (page: Page) => page.goto('about:blank')

function exposuresOf(userKey: string): string[] {
  return demo.shop
    .collectedEvents()
    .filter((event): event is FeatureEvent => event.kind === 'feature' && event.userKey === userKey)
    .map((event) => `${event.key}=${event.variation}`)
    .sort()
}

/** Every flag the page reads for a user with a filled cart: all but the demo's stale flag. */
async function expectedExposures(userId: string): Promise<string[]> {
  const variants = await demo.shop.variantsFor(contextOf(findUser(userId)))
  return Object.entries(variants)
    .filter(([key]) => key !== 'holiday-banner')
    .map(([key, variant]) => `${key}=${variant}`)
    .sort()
}

test('the collector receives each exposure exactly once per user and variant', async () => {
  const page = await demo.shop.open(demo.browser, { user: 'ana' })
  await flagsReady(page)
  // Re-renders of readers, and a round trip to another user and back, expose nothing new for Ana.
  await page.getByRole('button', { name: 'Add Stoneware mug to cart' }).click()
  await page.getByRole('button', { name: 'Save for later' }).first().click()
  await page.getByLabel('Signed in as').selectOption('ben')
  await page.getByText('Checkout experiment arm: paypal').waitFor()
  await flagsReady(page)
  await page.getByRole('button', { name: 'Add Stoneware mug to cart' }).click()
  await page.getByLabel('Signed in as').selectOption('ana')
  await page.getByText('Checkout experiment arm: control').waitFor()
  await flagsReady(page)
  await leave(page)

  const [ana, ben] = await Promise.all([expectedExposures('ana'), expectedExposures('ben')])
  await vi.waitFor(() => expect(exposuresOf('ben')).toHaveLength(ben.length), { timeout: 10_000 })
  expect(exposuresOf('ana')).toEqual(ana)
  expect(exposuresOf('ben')).toEqual(ben)
})

test('a purchase counts as a conversion for the buyer’s checkout arm', async () => {
  const page = await demo.shop.open(demo.browser, { user: 'chloe' })
  await page.getByRole('button', { name: 'Add Burr grinder to cart' }).click()
  await page.getByRole('button', { name: 'Pay with Visa' }).click()
  await page.getByText('Thank you! Paid €89.00.').waitFor()
  await leave(page)

  await vi.waitFor(
    async () => {
      const { flags } = await demo.shop.summary()
      const experiment = flags.find((flag) => flag.key === 'checkout-experiment')
      const visa = experiment?.variants.find((variant) => variant.variant === 'visa')
      expect(visa).toMatchObject({ exposures: 1, conversions: { purchase: { conversions: 1 } } })
    },
    { timeout: 10_000 },
  )
  // The summary counts an event as it is ingested; the events file has it once the append lands.
  await vi.waitFor(() => {
    const purchase = demo.shop
      .collectedEvents()
      .find((event): event is TrackingEvent => event.kind === 'tracking')
    expect(purchase).toMatchObject({
      key: 'purchase',
      userKey: 'chloe',
      trackingEventDetails: { value: 89, items: 1 },
    })
  })
})
