import { createServer } from 'node:http'
import type { ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { JsonValue } from 'vexil/core'

/**
 * A real OFREP service on 127.0.0.1 (random port) with an SSE change stream, for tests that must
 * cross a real socket. `setFlag` changes a value and notifies every connected stream at once.
 */
export async function startLocalFlagService(initial: Record<string, JsonValue>) {
  let flags = { ...initial }
  let version = 1
  let bulkRequests = 0
  const streams = new Set<ServerResponse>()
  const server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*')
    response.setHeader('Access-Control-Expose-Headers', 'ETag')
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (request.method === 'POST' && pathname === '/ofrep/v1/evaluate/flags') {
      bulkRequests += 1
      request.resume()
      const etag = `"v${version}"`
      if (request.headers['if-none-match'] === etag)
        return response.writeHead(304, { ETag: etag }).end()
      const { port } = server.address() as AddressInfo
      const body = {
        flags: Object.entries(flags).map(([key, value]) => ({
          key,
          value,
          variant: String(value),
          reason: 'STATIC',
        })),
        eventStreams: [
          { type: 'sse', url: `http://127.0.0.1:${port}/events`, inactivityDelaySec: 120 },
        ],
      }
      return response
        .writeHead(200, { 'Content-Type': 'application/json', ETag: etag })
        .end(JSON.stringify(body))
    }
    if (request.method === 'GET' && pathname === '/events') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' })
      response.write(': connected\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  server.unref()
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get bulkRequests() {
      return bulkRequests
    },
    get connectedStreams() {
      return streams.size
    },
    setFlag(key: string, value: JsonValue) {
      flags = { ...flags, [key]: value }
      version += 1
      const notice = JSON.stringify({ type: 'refetchEvaluation', etag: `"cfg-${version}"` })
      for (const stream of streams)
        stream.write(`id: ${version}\nevent: message\ndata: ${notice}\n\n`)
    },
    close() {
      for (const stream of streams) stream.end()
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
