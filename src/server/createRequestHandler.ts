import type { IncomingMessage, ServerResponse } from 'node:http'
import { answerPreflight, applyCorsHeaders } from './cors'
import type { DevServerContext } from './DevServerContext'
import { handleAuditLog, handleFlagChange } from './handleAdmin'
import { handleCollector, handleSummary } from './handleCollector'
import {
  eventStreamPath,
  handleBulkEvaluation,
  handleSingleEvaluation,
} from './handleOfrepEvaluation'
import { handleRollouts } from './handleRollouts'
import { HttpError, httpError } from './HttpError'
import { sendJson } from './sendJson'
import { handleStaleFlags } from './stale/handleStaleFlags'

type Handler = (
  request: IncomingMessage,
  response: ServerResponse,
  server: DevServerContext,
  key: string,
) => void | Promise<void>

interface Route {
  path: RegExp
  methods: Partial<Record<'GET' | 'POST', Handler>>
}

const routes: Route[] = [
  { path: /^\/ofrep\/v1\/evaluate\/flags\/?$/, methods: { POST: handleBulkEvaluation } },
  { path: /^\/ofrep\/v1\/evaluate\/flags\/([^/]+)$/, methods: { POST: handleSingleEvaluation } },
  {
    path: new RegExp(`^${eventStreamPath}$`),
    methods: { GET: (request, response, server) => server.streams.connect(request, response) },
  },
  { path: /^\/admin\/flags\/([^/]+)$/, methods: { POST: handleFlagChange } },
  { path: /^\/admin\/audit$/, methods: { GET: handleAuditLog } },
  { path: /^\/admin\/rollouts$/, methods: { GET: handleRollouts } },
  { path: /^\/v1\/data\/collector$/, methods: { POST: handleCollector } },
  { path: /^\/v1\/data\/summary$/, methods: { GET: handleSummary } },
  { path: /^\/v1\/data\/stale$/, methods: { GET: handleStaleFlags } },
]

/** Routes a request; every failure becomes a JSON answer, never a crash. */
export function createRequestHandler(server: DevServerContext) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    applyCorsHeaders(request, response)
    route(request, response, server).catch((error: unknown) => {
      if (!(error instanceof HttpError)) {
        server.options.logger.error(
          `[vexil] ${request.method} ${request.url} failed: ${stack(error)}`,
        )
      }
      const failure =
        error instanceof HttpError ? error : httpError(500, 'internal error; see the server log')
      if (response.headersSent) {
        response.destroy()
        return
      }
      sendJson(response, failure.status, failure.body, failure.headers)
    })
  }
}

async function route(request: IncomingMessage, response: ServerResponse, server: DevServerContext) {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost')
  if (request.method === 'OPTIONS') {
    answerPreflight(request, response)
    return
  }
  for (const { path, methods } of routes) {
    const match = path.exec(pathname)
    if (!match) continue
    const handler = methods[request.method as keyof Route['methods']]
    if (!handler) {
      const allowed = [...Object.keys(methods), 'OPTIONS'].join(', ')
      throw httpError(405, `${request.method} is not allowed on ${pathname}; use ${allowed}`, {
        Allow: allowed,
      })
    }
    await handler(request, response, server, decodeKey(match[1]))
    return
  }
  throw httpError(
    404,
    `no route ${request.method} ${pathname}; see the "Dev flag server" section of the vexil README`,
  )
}

function decodeKey(segment: string | undefined): string {
  if (segment === undefined) return ''
  try {
    return decodeURIComponent(segment)
  } catch {
    throw httpError(400, `the flag key in the path is not valid URL encoding: ${segment}`)
  }
}

function stack(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}
