// A keep-alive load generator in a worker thread, so it runs beside the server, not in its turn.
import { Agent, request } from 'node:http'
import { parentPort, workerData } from 'node:worker_threads'

export interface LoadOptions {
  url: string
  bodies: string[]
  concurrency: number
  durationMs: number
}

export interface LoadResult {
  completed: number
  failed: number
  elapsedMs: number
  latenciesMs: number[]
}

const { url, bodies, concurrency, durationMs } = workerData as LoadOptions
const target = new URL(url)
const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
const latenciesMs: number[] = []
let completed = 0
let failed = 0

function send(body: string): Promise<void> {
  return new Promise((resolve) => {
    const start = performance.now()
    const outgoing = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume()
        response.on('end', () => {
          if (response.statusCode === 200) {
            completed += 1
            latenciesMs.push(performance.now() - start)
          } else failed += 1
          resolve()
        })
      },
    )
    outgoing.on('error', () => {
      failed += 1
      resolve()
    })
    outgoing.end(body)
  })
}

const start = performance.now()
const deadline = start + durationMs
await Promise.all(
  Array.from({ length: concurrency }, async (_, lane) => {
    for (let index = lane; performance.now() < deadline; index += concurrency) {
      await send(bodies[index % bodies.length]!)
    }
  }),
)
const elapsedMs = performance.now() - start
agent.destroy()
parentPort!.postMessage({ completed, failed, elapsedMs, latenciesMs } satisfies LoadResult)
