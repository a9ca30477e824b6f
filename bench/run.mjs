// `npm run bench`: compiles the TypeScript bench scripts (Node 18 and 20 cannot run them as they
// are) into node_modules/.cache, out of the way of the linters, and runs them. Packages stay
// external, so they load from node_modules as the scripts import them.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const bench = fileURLToPath(new URL('.', import.meta.url))
const cache = fileURLToPath(new URL('../node_modules/.cache/vexil-bench/', import.meta.url))

await build({
  entryPoints: [`${bench}main.ts`, `${bench}throughput/loadWorker.ts`],
  outdir: cache,
  outbase: bench,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node18',
  logLevel: 'warning',
})

const { status } = spawnSync(
  process.execPath,
  [`${cache}main.mjs`, bench, cache, ...process.argv.slice(2)],
  { stdio: 'inherit' },
)
process.exit(status ?? 1)
