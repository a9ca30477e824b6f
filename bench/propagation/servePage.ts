import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const html = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>vexil propagation bench</title></head>
  <body>
    <div id="root"></div>
    <p>bare: <output id="bare">unknown</output></p>
    <script type="module" src="/page.js"></script>
  </body>
</html>`

/** Serves the bench page and its bundled script on a free loopback port. */
export async function servePage(script: Uint8Array) {
  const server = createServer((request, response) => {
    if (request.url?.startsWith('/page.js')) {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script)
    } else if (request.url === '/' || request.url?.startsWith('/?')) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html)
    } else {
      response.writeHead(404).end()
    }
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
