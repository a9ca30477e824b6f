import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { launchBrowser } from './launchBrowser'
import { startShopDemo } from './startShopDemo'
import type { ShopDemo } from './startShopDemo'

/**
 * One Chromium for the file and a fresh demo (flag server with its own copy of the flag file) for
 * each test, both closed afterwards. Read `browser` and `shop` inside tests.
 */
export function setupShopDemo(): { readonly browser: Browser; readonly shop: ShopDemo } {
  const current = {} as { browser: Browser; shop: ShopDemo }
  beforeAll(async () => {
    current.browser = await launchBrowser()
  })
  afterAll(() => current.browser?.close())
  beforeEach(async () => {
    current.shop = await startShopDemo()
  })
  afterEach(() => current.shop?.close())
  return current
}
