import type { Page } from 'playwright-core'
import { expect, test } from 'vitest'
import { products } from '../../examples/shop/src/products'
import { contextOf, findUser } from '../../examples/shop/src/users'
import { setupShopDemo } from './support/setupShopDemo'

const demo = setupShopDemo()

const flagsReady = (page: Page) => page.getByText(/^Flags ready/).waitFor()

test('the demo shows what the dev server evaluated for the signed-in user', async () => {
  const page = await demo.shop.open(demo.browser, { user: 'ben' })
  await flagsReady(page)
  // Ben is on the pro plan: targeting gives him the pro discount on every product.
  expect(await page.getByText('(member price, 10% off)').count()).toBe(products.length)
  await page.getByRole('heading', { name: 'Recommended for you' }).waitFor()
  expect(await page.getByRole('button', { name: 'Save for later' }).count()).toBe(products.length)
  await page.getByText('Checkout experiment arm: paypal').waitFor()
  await page.getByText('Theme: light').waitFor()
})

test('switching user re-evaluates every flag for the new user', async () => {
  const page = await demo.shop.open(demo.browser, { user: 'ben' })
  await page.getByText('Checkout experiment arm: paypal').waitFor()
  await page.getByLabel('Signed in as').selectOption({ label: 'Ana (ana@example.com, free)' })
  // Ana's email domain makes her staff: a bigger discount and the control arm.
  await page.getByText('Checkout experiment arm: control').waitFor()
  expect(await page.getByText('(member price, 25% off)').count()).toBe(products.length)
  expect(new URL(page.url()).searchParams.get('user')).toBe('ana')
})

test('two users land in the same fractional buckets on every reload', async () => {
  for (const id of ['chloe', 'grace']) {
    const expected = await demo.shop.variantsFor(contextOf(findUser(id)))
    const page = await demo.shop.open(demo.browser, { user: id })
    for (let load = 0; load < 3; load++) {
      if (load > 0) await page.reload()
      await flagsReady(page)
      await page.getByText(`Checkout experiment arm: ${expected['checkout-experiment']}`).waitFor()
      const banner = await page.getByText('Free shipping on every order').count()
      expect(banner, `free shipping for ${id}`).toBe(expected['free-shipping'] === 'on' ? 1 : 0)
    }
    await page.context().close()
  }
})
