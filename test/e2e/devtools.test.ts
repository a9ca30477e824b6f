import { expect, test } from 'vitest'
import { setupShopDemo } from './support/setupShopDemo'

const demo = setupShopDemo()

test('QA forces a flag from the devtools, keeps it across a reload, and resets it', async () => {
  const page = await demo.shop.open(demo.browser, { user: 'chloe' })
  const saveForLater = page.getByRole('button', { name: 'Save for later' })
  await saveForLater.first().waitFor()

  await page.keyboard.press('Control+Shift+F')
  await page.getByRole('dialog').waitFor()
  const wishlistSwitch = page.getByRole('switch', { name: 'Override wishlist' })
  expect(await wishlistSwitch.getAttribute('aria-checked')).toBe('true')
  await wishlistSwitch.click()
  await saveForLater.first().waitFor({ state: 'detached' })

  await page.reload()
  await page
    .getByRole('button', { name: /^Add .* to cart$/ })
    .first()
    .waitFor()
  // The override layer loads just after the first render; give it that moment, then look.
  await page.waitForFunction(() => !document.body.textContent?.includes('Save for later'))
  await page.waitForTimeout(200)
  expect(await saveForLater.count()).toBe(0)

  if (!(await page.getByRole('dialog').isVisible())) await page.keyboard.press('Control+Shift+F')
  await page.getByRole('button', { name: 'Reset wishlist' }).click()
  await saveForLater.first().waitFor()
})

test('a share link carries the overrides to another demo.browser', async () => {
  const page = await demo.shop.open(demo.browser, {
    user: 'chloe',
    params: { vexil: 'wishlist:false' },
  })
  await page
    .getByRole('button', { name: /^Add .* to cart$/ })
    .first()
    .waitFor()
  await page.waitForFunction(() => !document.body.textContent?.includes('Save for later'))
  await page.waitForTimeout(200)
  expect(await page.getByRole('button', { name: 'Save for later' }).count()).toBe(0)
})
