import { Worker } from 'node:worker_threads'
import type { PackedPackage } from '../installPackedPackage'
import { startDevServer } from '../startDevServer'
import { median, percentile } from '../stats'
import { bulkRequestBodies, fiftyFlags } from './fiftyFlags'
import type { LoadOptions, LoadResult } from './loadWorker'
import { startBareServer } from './startBareServer'

export interface LoadFigures {
  requestsPerSecond: number
  latencyMs: { median: number; p95: number }
  failed: number
}

export interface ThroughputResults {
  flags: number
  seconds: number
  runs: { concurrency: number; vexil: LoadFigures; bare: LoadFigures }[]
}

function runLoad(workerFile: string, options: LoadOptions): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: options })
    worker.once('message', ({ completed, failed, elapsedMs, latenciesMs }: LoadResult) =>
      resolve({
        requestsPerSecond: (completed * 1000) / elapsedMs,
        latencyMs: { median: median(latenciesMs), p95: percentile(latenciesMs, 0.95) },
        failed,
      }),
    )
    worker.once('error', reject)
  })
}

/**
 * Bulk evaluations per second of the dev server for a 50-flag file, from a keep-alive load
 * generator in a worker thread, next to a bare node:http server sending a fixed answer of the
 * same size. Runs alternate between the two.
 */
export async function measureThroughput(
  packed: PackedPackage,
  workerFile: string,
  seconds: number,
  concurrencies: number[],
): Promise<ThroughputResults> {
  const devServer = await startDevServer(packed, fiftyFlags())
  const bodies = bulkRequestBodies(100)
  const path = '/ofrep/v1/evaluate/flags'
  const sample = await fetch(`${devServer.url}${path}`, { method: 'POST', body: bodies[0] })
  const bare = await startBareServer(await sample.text())
  try {
    const load = (url: string, concurrency: number, durationMs: number) =>
      runLoad(workerFile, { url: `${url}${path}`, bodies, concurrency, durationMs })
    await load(devServer.url, 8, 1_000)
    await load(bare.url, 8, 1_000)
    const runs: ThroughputResults['runs'] = []
    for (const concurrency of concurrencies) {
      const vexil = await load(devServer.url, concurrency, seconds * 1_000)
      const baseline = await load(bare.url, concurrency, seconds * 1_000)
      runs.push({ concurrency, vexil, bare: baseline })
    }
    return { flags: 50, seconds, runs }
  } finally {
    await Promise.all([devServer.close(), bare.close()])
  }
}
