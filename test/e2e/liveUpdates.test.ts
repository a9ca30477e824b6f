import { expect, test } from 'vitest'
import { setupShopDemo } from './support/setupShopDemo'
import { watchForText } from './support/watchForText'

const demo = setupShopDemo()

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

test('a saved edit of the flag file reaches the open page without a reload', async ({
  annotate,
}) => {
  const page = await demo.shop.open(demo.browser, { user: 'chloe' })
  await page.getByText(/^Flags ready \(streaming\)/).waitFor()
  await page.evaluate(() => Object.assign(window, { notReloaded: true }))
  const delays: number[] = []
  for (const theme of ['dark', 'light', 'dark', 'light', 'dark', 'light', 'dark']) {
    const seen = await watchForText(page, `Theme: ${theme}`)
    const savedAt = Date.now()
    await demo.shop.editFlags(({ flags }) => {
      flags.theme!.defaultVariant = theme
    })
    delays.push((await seen()) - savedAt)
  }
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true)
  await annotate(
    `flag file save → DOM change: median ${median(delays)} ms over ${delays.length} edits ` +
      `(${delays.join(', ')} ms)`,
  )
  // One refetch round trip after the server's reload; loose, as CI machines are shared.
  expect(median(delays)).toBeLessThan(1500)
})

test('flipping the kill switch takes the feature off the open page', async () => {
  const page = await demo.shop.open(demo.browser, { user: 'ana' })
  const recommendations = page.getByRole('heading', { name: 'Recommended for you' })
  await recommendations.waitFor()
  await page.getByText(/^Flags ready \(streaming\)/).waitFor()
  await demo.shop.setFlag('recommendations', { state: 'DISABLED' })
  await recommendations.waitFor({ state: 'detached' })
  await demo.shop.setFlag('recommendations', { state: 'ENABLED' })
  await recommendations.waitFor()
})
