import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * An OFREP bulk evaluation endpoint on loopback that serves boolean flags with a strong ETag and
 * answers `304` to a matching `If-None-Match`. The body is serialized when a flag changes, not
 * per request, so the figures measure the client rather than this server.
 */
export async function startBulkService(initial: Record<string, boolean>) {
  const flags = { ...initial }
  let version = 0
  let etag = ''
  let body = ''
  let requests = 0
  const serialize = () => {
    version += 1
    etag = `"v${version}"`
    body = JSON.stringify({
      flags: Object.entries(flags).map(([key, value]) => ({
        key,
        value,
        variant: value ? 'on' : 'off',
        reason: 'STATIC',
      })),
    })
  }
  serialize()
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || !request.url?.startsWith('/ofrep/v1/evaluate/flags')) {
      response.writeHead(404).end()
      return
    }
    requests += 1
    request.resume()
    request.on('end', () => {
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { ETag: etag }).end()
        return
      }
      response.writeHead(200, { 'Content-Type': 'application/json', ETag: etag }).end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  server.unref()
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return requests
    },
    setFlag(key: string, value: boolean) {
      flags[key] = value
      serialize()
    },
    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
