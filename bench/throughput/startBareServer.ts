import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * The floor for an OFREP bulk answer on this machine: node:http reading and parsing the request,
 * then sending one fixed answer of the same size as the dev server's, with an ETag.
 */
export async function startBareServer(answer: string) {
  const server = createServer((request, response) => {
    let text = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (text += chunk))
    request.on('end', () => {
      JSON.parse(text)
      response
        .writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(answer),
          ETag: '"bare"',
          'Access-Control-Allow-Origin': '*',
        })
        .end(answer)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
