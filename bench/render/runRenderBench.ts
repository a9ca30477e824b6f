import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { build } from 'esbuild'
import { resolveFromConsumer } from '../resolveFromConsumer'
import type { ExposureResults } from './measureExposures'
import type { FanOutResults } from './measureFanOut'
import type { MountResults } from './measureMount'
import type { RenderBenchOptions } from './renderBench'

export interface RenderResults {
  fanOut: FanOutResults
  mount: MountResults
  exposures: ExposureResults
}

/**
 * Bundles the render benches against the packed package with React in production mode, and runs
 * them in a child process with a jsdom document, so nothing here (globals, heap) touches them.
 */
export async function runRenderBench(
  consumerDir: string,
  benchDir: string,
  cacheDir: string,
  options: RenderBenchOptions,
): Promise<RenderResults> {
  const outfile = join(cacheDir, 'renderBench.mjs')
  await build({
    entryPoints: [join(benchDir, 'render/renderBench.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['jsdom'],
    plugins: [resolveFromConsumer(consumerDir)],
    logLevel: 'warning',
  })
  const child = spawn(process.execPath, ['--expose-gc', outfile, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`the render bench exited with ${code}`)
  return JSON.parse(output.trim().split('\n').pop()!) as RenderResults
}
