import type { IncomingMessage, ServerResponse } from 'node:http'

const allowedHeaders = [
  'Content-Type',
  'Authorization',
  'X-API-Key',
  'If-None-Match',
  'Last-Event-ID',
  'Cache-Control',
]

/** Any page may call the dev server; the answer names its origin and lets it read the ETag. */
export function applyCorsHeaders(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin
  response.setHeader('Access-Control-Allow-Origin', origin ?? '*')
  if (origin) response.setHeader('Vary', 'Origin')
  response.setHeader('Access-Control-Expose-Headers', 'ETag')
}

export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
  response.setHeader('Access-Control-Allow-Headers', allowedHeaders.join(', '))
  response.setHeader('Access-Control-Max-Age', '600')
  // Chrome's Private Network Access: a public page may call this loopback server only if it agrees.
  if (request.headers['access-control-request-private-network'] === 'true') {
    response.setHeader('Access-Control-Allow-Private-Network', 'true')
  }
  response.writeHead(204).end()
}
