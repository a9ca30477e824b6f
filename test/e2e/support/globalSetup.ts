import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildShopDemo } from './buildShopDemo'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo shop, built once for every end-to-end test file. */
    shopBuildDirectory: string
  }
}

let directory: string | undefined

export async function setup(project: TestProject): Promise<void> {
  directory = mkdtempSync(join(tmpdir(), 'vexil-shop-build-'))
  await buildShopDemo(directory)
  project.provide('shopBuildDirectory', directory)
}

export function teardown(): void {
  if (directory) rmSync(directory, { recursive: true, force: true })
}
