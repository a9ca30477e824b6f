import type { Page } from 'playwright-core'

let watches = 0

/**
 * Starts watching the page's DOM for `text`; the returned function resolves to the wall-clock time
 * (Date.now, the same clock as Node's) of the first mutation that made it appear, or with
 * `{ gone: true }` disappear.
 */
export async function watchForText(
  page: Page,
  text: string,
  { gone = false } = {},
): Promise<() => Promise<number>> {
  const name = `__vexilTextSeen${++watches}`
  await page.evaluate(
    ([name, text, gone]) => {
      const seen = new Promise<number>((resolve) => {
        const check = () => {
          if (document.body.textContent?.includes(text) === gone) return
          observer.disconnect()
          resolve(Date.now())
        }
        const observer = new MutationObserver(check)
        observer.observe(document.body, { subtree: true, childList: true, characterData: true })
        check()
      })
      Object.assign(window, { [name]: seen })
    },
    [name, text, gone] as const,
  )
  return () =>
    page.evaluate((name) => (window as unknown as Record<string, Promise<number>>)[name]!, name)
}
