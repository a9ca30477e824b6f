import { http, HttpResponse } from 'msw'
import type { CollectorEvent, CollectorPayload } from '../../../src/core/events/CollectorEvent'
import type { EventStorage } from '../../../src/core/events/resolveEventStorage'
import { server } from '../../support/server'

export const collectorUrl = 'https://collector.test/v1/data/collector'

export interface ReceivedBatch {
  payload: CollectorPayload
  contentType: string | null
  headers: Headers
  keepalive: boolean
  /** Whether the collector answered 2xx, so the events count as delivered. */
  accepted: boolean
}

/**
 * A GO Feature Flag data collector behind msw. `answer` decides each response (2xx by default);
 * every request is recorded with its parsed body.
 */
export function serveCollector(
  answer: (payload: CollectorPayload, headers: Headers) => Response = ingested,
) {
  const batches: ReceivedBatch[] = []
  server.use(
    http.post(collectorUrl, async ({ request }) => {
      const payload = JSON.parse(await request.text()) as CollectorPayload
      const response = answer(payload, request.headers)
      batches.push({
        payload,
        contentType: request.headers.get('Content-Type'),
        headers: request.headers,
        keepalive: request.keepalive,
        accepted: response.status >= 200 && response.status < 300,
      })
      return response
    }),
  )
  return {
    batches,
    /** Every event of every accepted batch, in arrival order, duplicates included. */
    delivered(): CollectorEvent[] {
      return batches.filter((batch) => batch.accepted).flatMap((batch) => batch.payload.events)
    },
  }
}

/** What a GO Feature Flag relay proxy answers. */
function ingested(payload: CollectorPayload) {
  return HttpResponse.json({ ingestedContentCount: payload.events.length })
}

/** A Web Storage stand-in that outlives the queues using it, as localStorage outlives a page. */
export function createMemoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  const storage: EventStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
  return { storage, items }
}
