// The child process of the render benches: a DOM first, then React, vexil and zustand.
import { installDom } from './installDom'

export interface RenderBenchOptions {
  readers: number
  changes: number
  mountRuns: number
}

// Bounded whatever happens: a hung measurement ends the process.
setTimeout(() => {
  process.stderr.write('render bench: still running after 150 s; stopping.\n')
  process.exit(1)
}, 150_000).unref()

installDom()
const { measureExposures } = await import('./measureExposures')
const { measureFanOut } = await import('./measureFanOut')
const { measureMount } = await import('./measureMount')
const options = JSON.parse(process.argv[2] ?? '{}') as RenderBenchOptions
const fanOut = await measureFanOut(options.readers, options.changes, 20)
const mount = await measureMount(options.readers, options.mountRuns, 3)
const exposures = await measureExposures(100, 100)
process.stdout.write(`${JSON.stringify({ fanOut, mount, exposures })}\n`)
