import { expect, test, vi } from 'vitest'
import { simulateShoppers } from '../../examples/shop/simulateShoppers'
import { contextOf, users } from '../../examples/shop/src/users'
import type { AuditRecord, RolloutRecord } from 'vexil/server'
import type { ShopDemo } from './support/startShopDemo'
import { setupShopDemo } from './support/setupShopDemo'
import { watchForText } from './support/watchForText'

const demo = setupShopDemo()

/**
 * Sends ticks of simulated shoppers, 100 ms apart, until `done` says so; fails after `timeoutMs`.
 * Paced by time, not counted: collector events carry whole seconds, so a step counts only events
 * from the first whole second after it started, and fast ticks could all fall before it.
 */
async function driveShoppers(
  shop: ShopDemo,
  done: () => Promise<boolean>,
  { shoppersPerTick = 40, timeoutMs = 15_000 } = {},
): Promise<void> {
  const shoppers = simulateShoppers({ flagServerUrl: shop.flagServerUrl })
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await done()) return
    await shoppers.tick(shoppersPerTick)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  if (await done()) return
  throw new Error(`not done after ${timeoutMs} ms:\n${JSON.stringify(await shop.rollouts())}`)
}

/**
 * The audit records of one flag's rollout under its current plan (a test edits the demo's plan,
 * which starts it over), oldest first: the story the audit log tells.
 */
async function rolloutStory(shop: ShopDemo, flag: string): Promise<RolloutRecord[]> {
  const isRollout = (record: AuditRecord): record is RolloutRecord =>
    'kind' in record && record.kind === 'rollout'
  const records = (await shop.audit()).filter(isRollout).filter((record) => record.flag === flag)
  const plan = records.at(-1)?.plan
  return records.filter((record) => record.plan === plan)
}

/** A demo user the flag server gives `variant` of `flag`; fails when none is. */
async function firstUserIn(shop: ShopDemo, flag: string, variant: string): Promise<string> {
  for (const user of users) {
    if ((await shop.variantsFor(contextOf(user)))[flag] === variant) return user.id
  }
  throw new Error(`no demo user gets "${variant}" of "${flag}"; change the rollout's steps`)
}

async function rolloutOf(shop: ShopDemo, flag: string) {
  const rollout = (await shop.rollouts()).find((status) => status.flag === flag)
  if (!rollout) throw new Error(`no rollout of "${flag}"`)
  return rollout
}

test('a shopper whose cart crashes the new variant gets the old cart, a pinned flag and one error report', async () => {
  const { shop, browser } = demo
  const treated = await firstUserIn(shop, 'shipping-estimate', 'on')
  const page = await shop.open(browser, { user: treated })
  await page.getByRole('button', { name: 'Add Stovetop kettle to cart' }).click()
  await page.getByText(/^Shipping estimate: €/).waitFor()

  await page.getByRole('button', { name: 'Add Gift card to cart' }).click()
  await page.getByText('Gift card: €').waitFor()
  expect(await page.getByText(/^Shipping estimate/).count()).toBe(0)
  expect(shop.logs.filter((line) => line.startsWith('[page]'))).toEqual([])
  await page.keyboard.press('Control+Shift+F')
  await page.getByRole('dialog').waitFor()
  await page.getByText('Pinned to default').waitFor()
  await page.goto('about:blank') // pagehide sends what is queued

  await vi.waitFor(
    () =>
      expect(
        shop
          .collectedEvents()
          .filter((event) => event.kind === 'tracking' && event.key === 'vexil.flag_error'),
      ).toEqual([
        expect.objectContaining({
          userKey: treated,
          trackingEventDetails: {
            flagKey: 'shipping-estimate',
            variant: 'on',
            errorType: 'TypeError',
          },
        }),
      ]),
    { timeout: 10_000 },
  )
})

test('a broken variant is rolled back on the simulated shoppers’ errors, and the open page shows the default without a reload', async ({
  annotate,
}) => {
  const { shop, browser } = demo
  // Never advances: only the guard can move this rollout.
  await shop.editRollouts(({ rollouts }) => {
    rollouts['shipping-estimate'] = {
      variant: 'on',
      steps: [50, 100],
      minDwell: '1h',
      minSample: 1000,
    }
  })
  await expect
    .poll(async () => (await rolloutOf(shop, 'shipping-estimate')).percent, { timeout: 5000 })
    .toBe(50)
  const treated = await firstUserIn(shop, 'shipping-estimate', 'on')

  const page = await shop.open(browser, { user: treated })
  await page.getByRole('button', { name: 'Add Stovetop kettle to cart' }).click()
  await page.getByText(/^Shipping estimate: €/).waitFor()
  await page.getByText('Flags ready (streaming)').waitFor()
  await page.evaluate(() => Object.assign(window, { notReloaded: true }))
  const estimateGone = await watchForText(page, 'Shipping estimate', { gone: true })

  await driveShoppers(
    shop,
    async () => (await rolloutOf(shop, 'shipping-estimate')).state === 'rolled-back',
  )
  const goneAt = await estimateGone()
  const story = await rolloutStory(shop, 'shipping-estimate')
  expect(story.map((record) => [record.from.percent, record.to.percent])).toEqual([
    [25, 50],
    [50, 0],
  ])
  const rollback = story[1]!
  expect(rollback).toMatchObject({
    state: 'rolled-back',
    reason: expect.stringContaining('error rate'),
  })
  const delay = goneAt - Date.parse(rollback.time)
  await annotate(`threshold crossed → default on the page: ${delay} ms`)
  // One SSE notice and one refetch round trip; loose, as CI machines are shared.
  expect(delay).toBeLessThan(2000)
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true)
  expect(await page.getByText(/^Shipping estimate/).count()).toBe(0)

  await page.keyboard.press('Control+Shift+F')
  await page.getByRole('dialog').waitFor()
  await page.getByText('Rollout 0/2 · 0 % · rolled back').waitFor()
})

test('a healthy rollout walks through every step to 100 %, and the open page gains the feature without a reload', async () => {
  const { shop, browser } = demo
  await shop.editRollouts(({ rollouts }) => {
    rollouts['express-checkout'] = {
      variant: 'on',
      steps: [10, 25, 50, 100],
      minDwell: '100ms',
      minSample: 20,
      abort: { errorRateIncrease: 0.05 },
    }
  })
  await expect
    .poll(async () => (await rolloutOf(shop, 'express-checkout')).steps, { timeout: 5000 })
    .toEqual([10, 25, 50, 100])
  const page = await shop.open(browser, {
    user: await firstUserIn(shop, 'express-checkout', 'off'),
  })
  await page.getByRole('button', { name: 'Add Burr grinder to cart' }).click()
  await page.getByText(/^Total: /).waitFor()
  await page.getByText('Flags ready (streaming)').waitFor()
  await page.evaluate(() => Object.assign(window, { notReloaded: true }))
  expect(await page.getByRole('button', { name: 'Express checkout' }).count()).toBe(0)

  await driveShoppers(
    shop,
    async () => (await rolloutOf(shop, 'express-checkout')).state === 'complete',
  )
  await page.getByRole('button', { name: 'Express checkout' }).waitFor()
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true)
  const steps = (await rolloutStory(shop, 'express-checkout')).map((record) => record.to.percent)
  expect(steps).toEqual([10, 25, 50, 100])
})
