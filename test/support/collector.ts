import { http, HttpResponse } from 'msw'
import { server } from './server'

export const collectorUrl = 'https://flags.test/v1/data/collector'

export interface CollectorBatch {
  events: {
    id: string
    kind: string
    key: string
    variation?: string
    default?: boolean
    userKey: string
    [field: string]: unknown
  }[]
  meta: Record<string, unknown>
}

/** A GO Feature Flag-style data collector behind msw that records every batch and its size. */
export function serveCollector({ status = 200 }: { status?: number } = {}) {
  const batches: CollectorBatch[] = []
  let bytes = 0
  let answerStatus = status
  server.use(
    http.post(collectorUrl, async ({ request }) => {
      const text = await request.text()
      if (answerStatus !== 200) return new HttpResponse(null, { status: answerStatus })
      bytes += new TextEncoder().encode(text).length
      const batch = JSON.parse(text) as CollectorBatch
      batches.push(batch)
      return HttpResponse.json({ ingestedContentCount: batch.events.length })
    }),
  )
  return {
    batches,
    get bytes() {
      return bytes
    },
    events: () => batches.flatMap((batch) => batch.events),
    answer(next: number) {
      answerStatus = next
    },
  }
}
