import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
}

export interface StaticServer {
  url: string
  close(): Promise<void>
}

/** Serves a built site from `root` on 127.0.0.1 and a free port; `/` is `index.html`. */
export async function serveDirectory(root: string): Promise<StaticServer> {
  const base = resolve(root) + sep
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost')
    const path = normalize(join(base, decodeURIComponent(pathname)))
    const file = path.endsWith(sep) ? join(path, 'index.html') : path
    const isFile =
      file.startsWith(base) && (statSync(file, { throwIfNoEntry: false })?.isFile() ?? false)
    if (!isFile) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
      return
    }
    response.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    })
    createReadStream(file).pipe(response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
