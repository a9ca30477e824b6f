import { randomUUID } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import type { Plugin } from 'esbuild'

export interface Bytes {
  min: number
  gzip: number
}

export interface BundleSize {
  /** The entry chunk and every chunk it imports statically. */
  upFront: Bytes
  /** Chunks loaded only through a dynamic import, such as a lazy panel. */
  lazy: Bytes
}

/**
 * Leaves out `vexil` and `vexil/core` but not other subpaths (esbuild's `external` would take a
 * package's subpaths with it), so an add-on entry is measured without the core an app has already.
 */
const sharedEntriesExternal: Plugin = {
  name: 'shared-entries-external',
  setup(build) {
    build.onResolve({ filter: /^vexil(\/core)?$/ }, ({ path }) => ({ path, external: true }))
  },
}

/**
 * What an app downloads for `source` when it bundles it as most do: esbuild, minified, ES modules
 * with code splitting, React (and msw, a test-only dependency) left to the app. Each output file
 * is gzipped on its own, as a server sends it.
 */
export async function measureBundleSize(
  consumerDir: string,
  source: string,
  mode: 'production' | 'development',
  {
    nodePaths = [],
    sharedExternal = false,
  }: { nodePaths?: string[]; sharedExternal?: boolean } = {},
): Promise<BundleSize> {
  const name = randomUUID()
  const entry = join(consumerDir, `${name}.js`)
  writeFileSync(entry, source)
  try {
    const result = await build({
      absWorkingDir: consumerDir,
      entryPoints: [entry],
      outdir: join(consumerDir, `out-${name}`),
      bundle: true,
      splitting: true,
      minify: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2020',
      nodePaths,
      define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
      external: ['react', 'react-dom', 'react/*', 'react-dom/*', 'msw', 'msw/*'],
      plugins: sharedExternal ? [sharedEntriesExternal] : [],
      logLevel: 'silent',
    })
    const outputs = result.metafile.outputs
    const entryOutput = Object.keys(outputs).find((path) => outputs[path]?.entryPoint)!
    const upFront = new Set<string>()
    const visit = (path: string) => {
      if (upFront.has(path)) return
      upFront.add(path)
      for (const { path: imported, kind } of outputs[path]?.imports ?? []) {
        if (kind === 'import-statement' && imported in outputs) visit(imported)
      }
    }
    visit(entryOutput)
    const size: BundleSize = { upFront: { min: 0, gzip: 0 }, lazy: { min: 0, gzip: 0 } }
    for (const file of result.outputFiles) {
      if (file.path.endsWith('.map')) continue
      const path = Object.keys(outputs).find((output) => resolve(consumerDir, output) === file.path)
      const bytes = upFront.has(path ?? '') ? size.upFront : size.lazy
      bytes.min += file.contents.length
      bytes.gzip += gzipSync(file.contents, { level: 9 }).length
    }
    return size
  } finally {
    rmSync(entry, { force: true })
  }
}
