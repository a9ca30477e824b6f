import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { chromiumPath, launchBrowser } from '../../test/e2e/support/launchBrowser'
import type { PackedPackage } from '../installPackedPackage'
import { resolveFromConsumer } from '../resolveFromConsumer'
import { startDevServer } from '../startDevServer'
import { median, percentile } from '../stats'
import { fiftyFlags } from '../throughput/fiftyFlags'
import type { DomChange } from './page'
import { servePage } from './servePage'

export interface Latency {
  median: number
  p95: number
  max: number
}

export type PropagationResults =
  | {
      changes: number
      vexil: Latency
      bare: Latency
      /** Server change → the change notice arriving on the page's (bare) EventSource. */
      notice: Latency
      clockUncertaintyMs: number
    }
  | { skipped: string }

const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The page's clock minus ours, from the round trip that bracketed the page's reading most
 * tightly; half that round trip is how far off it can be.
 */
async function clockOffset(page: Page): Promise<{ offset: number; uncertainty: number }> {
  let best = { offset: 0, uncertainty: Number.POSITIVE_INFINITY }
  for (let sample = 0; sample < 15; sample++) {
    const before = now()
    const pageTime = await page.evaluate(() => performance.timeOrigin + performance.now())
    const after = now()
    if ((after - before) / 2 < best.uncertainty) {
      best = { offset: pageTime - (before + after) / 2, uncertainty: (after - before) / 2 }
    }
  }
  return best
}

const summarize = (samples: number[]): Latency => ({
  median: median(samples),
  p95: percentile(samples, 0.95),
  max: Math.max(...samples),
})

/**
 * Real Chromium on a page that follows `vexil dev` over SSE: the kill switch is flipped through
 * the admin endpoint `changes` times, and each flip is timed from the admin request leaving this
 * process to the DOM change on the page, for vexil and for the bare baseline on the same page.
 */
export async function measurePropagation(
  packed: PackedPackage,
  benchDir: string,
  changes: number,
): Promise<PropagationResults> {
  if (!existsSync(chromiumPath)) {
    return { skipped: `needs Chromium at ${chromiumPath} (apt-get install chromium)` }
  }
  const bundle = await build({
    entryPoints: [join(benchDir, 'propagation/page.tsx')],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [resolveFromConsumer(packed.dir)],
    logLevel: 'warning',
  })
  const devServer = await startDevServer(packed, fiftyFlags())
  const pageServer = await servePage(bundle.outputFiles[0]!.contents)
  // The same launch as the end-to-end tests.
  const browser = await launchBrowser().catch((error: Error) => error)
  try {
    if (browser instanceof Error) {
      return { skipped: `needs a Chromium that starts (${browser.message.split('\n')[0]})` }
    }
    const page = await browser.newPage()
    await page.goto(`${pageServer.url}/?server=${encodeURIComponent(devServer.url)}`)
    await page.waitForFunction(() => window.bench?.ready(), null, { timeout: 15_000 })
    const clock = await clockOffset(page)
    const samples = { vexil: [] as number[], bare: [] as number[], notice: [] as number[] }
    const warmup = 5
    for (let change = 0; change < warmup + changes; change++) {
      const variant = change % 2 === 0 ? 'on' : 'off'
      const seen = await page.evaluate(() => window.bench.changes.length)
      const sentAt = now()
      const response = await fetch(`${devServer.url}/admin/flags/kill-switch`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ defaultVariant: variant, actor: 'bench' }),
      })
      if (!response.ok) throw new Error(`the admin endpoint answered ${response.status}`)
      await page.waitForFunction(
        (text) =>
          ['vexil', 'bare'].every((id) => document.getElementById(id)?.textContent === text),
        variant,
        { timeout: 10_000 },
      )
      const domChanges: DomChange[] = await page.evaluate(
        (from) => window.bench.changes.slice(from),
        seen,
      )
      // Let both refetches finish before the next flip.
      await sleep(100)
      if (change < warmup) continue
      for (const id of ['vexil', 'bare', 'notice'] as const) {
        const seenAt = domChanges.find(
          (each) => each.id === id && (id === 'notice' || each.text === variant),
        )!
        samples[id].push(seenAt.time - clock.offset - sentAt)
      }
    }
    return {
      changes,
      vexil: summarize(samples.vexil),
      bare: summarize(samples.bare),
      notice: summarize(samples.notice),
      clockUncertaintyMs: clock.uncertainty,
    }
  } finally {
    if (!(browser instanceof Error)) await browser.close()
    await Promise.all([devServer.close(), pageServer.close()])
  }
}
