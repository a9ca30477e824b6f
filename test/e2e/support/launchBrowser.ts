import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'

/** Debian's chromium; `.ci/run` installs it. Elsewhere, point VEXIL_CHROMIUM at a Chromium. */
export const chromiumPath = process.env.VEXIL_CHROMIUM ?? '/usr/bin/chromium'

/**
 * Launches the system Chromium headless with a fresh temporary profile. Fails at once with what to
 * do when it is missing: playwright-core never downloads a browser.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not installed at ${chromiumPath}; the end-to-end tests need it. ` +
        'Install it with `apt-get install -y chromium` (.ci/run does this), ' +
        'or set VEXIL_CHROMIUM to the path of a Chromium binary.',
    )
  }
  return chromium.launch({
    executablePath: chromiumPath,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}
