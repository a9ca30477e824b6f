import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { inject } from 'vitest'
import { createDevServer } from 'vexil/server'
import type { AuditRecord, CollectorEvent, ExperimentSummary, RolloutStatus } from 'vexil/server'
import { shopDirectory } from './buildShopDemo'
import { serveDirectory } from './serveDirectory'

export interface FlagFile {
  flags: Record<string, { state: string; defaultVariant: string; [field: string]: unknown }>
  [field: string]: unknown
}

export interface ShopUrlOptions {
  /** A demo user id: `ana`, `ben`, `chloe` or `grace` (examples/shop/src/users.ts). */
  user?: string
  params?: Record<string, string>
}

export interface ShopDemo {
  /** The dev flag server's address. */
  flagServerUrl: string
  /** A temporary copy of examples/shop/flags.json that the server watches; tests may edit it. */
  flagsFile: string
  /** Saves the rollouts file (a copy of examples/shop/flags.rollouts.json) with `edit` applied. */
  editRollouts(
    edit: (file: { rollouts: Record<string, Record<string, unknown>> }) => void,
  ): Promise<void>
  /** Where every guarded rollout stands (`GET /admin/rollouts`). */
  rollouts(): Promise<RolloutStatus[]>
  /** The audit log, oldest first. */
  audit(): Promise<AuditRecord[]>
  /** What the flag server logged, and the errors of opened pages, for failure messages. */
  logs: string[]
  /**
   * The demo's address, pointed at this flag server, signed in as `user` when given; `params` are
   * added to the query (e.g. `{ vexil: 'theme:dark' }` for overrides).
   */
  url(options?: ShopUrlOptions): string
  /** Opens the demo in a fresh browser context (its own storage) with short timeouts. */
  open(browser: Browser, options?: ShopUrlOptions): Promise<Page>
  /** Saves the flag file with `edit` applied; resolves once the file is written. */
  editFlags(edit: (file: FlagFile) => void): Promise<void>
  /** Changes a flag through the admin endpoint, as the kill switch does. */
  setFlag(
    key: string,
    change: { state?: 'ENABLED' | 'DISABLED'; defaultVariant?: string },
  ): Promise<void>
  /** The variant of every flag the server evaluates for `context`, by key. */
  variantsFor(context: Record<string, unknown>): Promise<Record<string, string | undefined>>
  /** Every event the collector accepted, in order. */
  collectedEvents(): CollectorEvent[]
  summary(): Promise<ExperimentSummary>
  close(): Promise<void>
}

/**
 * The demo shop as `npm start` runs it: a dev flag server on a free port serving a temporary copy
 * of the demo's flag file, and the demo on a static server; by default the build the e2e global
 * setup made, or `buildDirectory` (see `buildShopDemo`).
 */
export async function startShopDemo({
  buildDirectory = inject('shopBuildDirectory'),
}: { buildDirectory?: string } = {}): Promise<ShopDemo> {
  if (!buildDirectory) {
    throw new Error(
      'No build of the demo shop: run in the e2e vitest project, whose global setup builds it, ' +
        'or pass `buildDirectory` (see buildShopDemo).',
    )
  }
  const directory = mkdtempSync(join(tmpdir(), 'vexil-shop-'))
  const flagsFile = join(directory, 'flags.json')
  copyFileSync(join(shopDirectory, 'flags.json'), flagsFile)
  const rolloutsFile = join(directory, 'flags.rollouts.json')
  copyFileSync(join(shopDirectory, 'flags.rollouts.json'), rolloutsFile)
  const eventsLog = join(directory, 'events.jsonl')
  const logs: string[] = []
  const flagServer = createDevServer({
    flagsFile,
    eventsLog,
    auditLog: join(directory, 'audit.jsonl'),
    port: 0,
    logger: { info: (message) => logs.push(message), error: (message) => logs.push(message) },
  })
  const { url: flagServerUrl } = await flagServer.listen()
  const site = await serveDirectory(buildDirectory)

  async function request(path: string, init?: RequestInit): Promise<unknown> {
    const response = await fetch(`${flagServerUrl}${path}`, init)
    if (!response.ok) {
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
    }
    return response.json()
  }

  const url: ShopDemo['url'] = ({ user, params = {} } = {}) => {
    const address = new URL(site.url)
    address.searchParams.set('flags', flagServerUrl)
    if (user) address.searchParams.set('user', user)
    for (const [name, value] of Object.entries(params)) address.searchParams.set(name, value)
    return address.href
  }

  return {
    flagServerUrl,
    flagsFile,
    logs,
    url,
    async open(browser, options) {
      const context = await browser.newContext()
      context.setDefaultTimeout(10_000)
      const page = await context.newPage()
      page.on('pageerror', (error) => logs.push(`[page] ${error.message}`))
      await page.goto(url(options))
      return page
    },
    async editFlags(edit) {
      const file = JSON.parse(readFileSync(flagsFile, 'utf8')) as FlagFile
      edit(file)
      await writeFile(flagsFile, `${JSON.stringify(file, null, 2)}\n`)
    },
    async editRollouts(edit) {
      const file = JSON.parse(readFileSync(rolloutsFile, 'utf8')) as {
        rollouts: Record<string, Record<string, unknown>>
      }
      edit(file)
      await writeFile(rolloutsFile, `${JSON.stringify(file, null, 2)}\n`)
    },
    async rollouts() {
      return ((await request('/admin/rollouts')) as { rollouts: RolloutStatus[] }).rollouts
    },
    async audit() {
      return ((await request('/admin/audit')) as { records: AuditRecord[] }).records
    },
    async setFlag(key, change) {
      await request(`/admin/flags/${key}`, {
        method: 'POST',
        body: JSON.stringify({ ...change, actor: 'e2e' }),
      })
    },
    async variantsFor(context) {
      const { flags } = (await request('/ofrep/v1/evaluate/flags', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ context }),
      })) as { flags: { key: string; variant?: string }[] }
      return Object.fromEntries(flags.map(({ key, variant }) => [key, variant]))
    },
    collectedEvents() {
      if (!existsSync(eventsLog)) return []
      return readFileSync(eventsLog, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as CollectorEvent)
    },
    summary: () => request('/v1/data/summary') as Promise<ExperimentSummary>,
    async close() {
      await Promise.all([flagServer.close(), site.close()])
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
