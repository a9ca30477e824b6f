import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join, resolve } from 'node:path'
import { format, resolveConfig } from 'prettier'
import { attempt } from './benchResults'
import type { BenchResults } from './benchResults'
import { formatTable } from './formatTable'
import { installPackedPackage } from './installPackedPackage'
import { measurePropagation } from './propagation/measurePropagation'
import { runRenderBench } from './render/runRenderBench'
import { measureSizes } from './size/measureSizes'
import { baselineNotes, tableHeader, tableRows } from './tableRows'
import { measureThroughput } from './throughput/measureThroughput'

// bench/run.mjs compiles this file and runs it as `main.mjs <bench dir> <cache dir> [options]`.
const [bench = '', cache = ''] = process.argv.slice(2)
const root = resolve(bench, '..')
// `--quick` runs fewer iterations, for trying a change to the bench itself.
const quick = process.argv.includes('--quick')
const loadSeconds = quick ? 2 : 10
// `--only=size,render,propagation,throughput` runs only those sections.
const only = process.argv
  .find((argument) => argument.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`)
const started = performance.now()

progress('packing and installing the package into a temporary consumer')
const packed = await installPackedPackage(root)
let results: BenchResults
try {
  progress('1 bundle sizes')
  const size = await attempt('size', only, () => measureSizes(packed, root))
  progress('2, 3, 5 re-render fan-out, mount cost and exposures (jsdom, React production)')
  const render = await attempt('render', only, () =>
    runRenderBench(packed.dir, bench, cache, {
      readers: 1_000,
      changes: quick ? 40 : 200,
      mountRuns: quick ? 5 : 15,
    }),
  )
  progress('4 propagation in Chromium')
  const propagation = await attempt('propagation', only, () =>
    measurePropagation(packed, bench, quick ? 6 : 25),
  )
  progress(`6 dev server throughput (${loadSeconds} s per run)`)
  const throughput = await attempt('throughput', only, () =>
    measureThroughput(packed, join(cache, 'throughput/loadWorker.mjs'), loadSeconds, [8, 32]),
  )
  results = { size, render, propagation, throughput }
} finally {
  packed.dispose()
}

const durationSeconds = (performance.now() - started) / 1_000
const machine = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`
const table = formatTable(tableHeader, tableRows(results))
process.stdout.write(
  [
    `vexil ${packed.version} · ${new Date().toISOString()} · ${machine}${quick ? ' · --quick' : ''}`,
    '',
    table,
    '',
    ...baselineNotes,
    `Run time: ${durationSeconds.toFixed(0)} s.`,
    '',
  ].join('\n'),
)

const resultsFile = join(bench, 'results', 'latest.json')
const json = JSON.stringify({
  version: packed.version,
  date: new Date().toISOString(),
  machine,
  quick,
  durationSeconds,
  results,
  table: { header: tableHeader, rows: tableRows(results) },
})
mkdirSync(join(bench, 'results'), { recursive: true })
// Formatted as the repository's Prettier would, so `prettier --check .` passes with it present.
const prettierOptions = (await resolveConfig(resultsFile)) ?? {}
writeFileSync(resultsFile, await format(json, { ...prettierOptions, filepath: resultsFile }))
progress(`wrote ${join('bench', 'results', 'latest.json')}`)
if (Object.values(results).some((outcome) => !outcome.ok && !outcome.skipped)) {
  process.exitCode = 1
}
