import { http, HttpResponse } from 'msw'
import type { JsonValue } from 'vexil/core'
import { server } from './server'

export const baseUrl = 'https://flags.test'
export const bulkUrl = `${baseUrl}/ofrep/v1/evaluate/flags`

export type FlagItem =
  | {
      key: string
      value?: JsonValue
      variant?: string
      reason?: string
      metadata?: Record<string, JsonValue>
    }
  | { key: string; errorCode: string; errorDetails?: string }

export interface ReceivedRequest {
  body: { context: Record<string, unknown> }
  headers: Headers
  url: URL
}

/**
 * An OFREP service behind msw: answers bulk evaluations with the current items, a strong ETag that
 * changes with them, and 304 to a matching If-None-Match. Records every request it receives.
 */
export function serveFlags(
  initial: FlagItem[],
  { eventStreams }: { eventStreams?: unknown[] } = {},
) {
  let items = initial
  let version = 1
  const requests: ReceivedRequest[] = []
  server.use(
    http.post(bulkUrl, async ({ request }) => {
      requests.push({
        body: (await request.json()) as ReceivedRequest['body'],
        headers: request.headers,
        url: new URL(request.url),
      })
      const etag = `"v${version}"`
      if (request.headers.get('If-None-Match') === etag) {
        return new HttpResponse(null, { status: 304, headers: { ETag: etag } })
      }
      return HttpResponse.json({ flags: items, eventStreams }, { headers: { ETag: etag } })
    }),
  )
  return {
    requests,
    setFlags(next: FlagItem[]) {
      items = next
      version += 1
    },
  }
}

/** Answers every bulk evaluation with `response`, recording how many requests arrived. */
export function answerWith(response: () => Response | Promise<Response>) {
  const requests: ReceivedRequest[] = []
  server.use(
    http.post(bulkUrl, async ({ request }) => {
      requests.push({
        body: (await request.json()) as ReceivedRequest['body'],
        headers: request.headers,
        url: new URL(request.url),
      })
      return response()
    }),
  )
  return { requests }
}
