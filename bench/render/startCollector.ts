import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

interface CollectedEvent {
  id?: string
  kind?: string
  key?: string
  variation?: string
  userKey?: string
}

/** A GO Feature Flag-style data collector on loopback that keeps every request it receives. */
export async function startCollector() {
  const bodies: string[] = []
  const server = createServer((request, response) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (text += chunk))
    request.on('end', () => {
      bodies.push(text)
      const { events = [] } = JSON.parse(text) as { events?: unknown[] }
      response
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ ingestedContentCount: events.length }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  server.unref()
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/data/collector`,
    requests: () => bodies.length,
    bytes: () => bodies.reduce((total, body) => total + Buffer.byteLength(body), 0),
    events: () =>
      bodies.flatMap((body) => (JSON.parse(body) as { events: CollectedEvent[] }).events),
    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
