import type { CollectorEvent } from './collectorEvents'
import { readCollectorBody } from './collectorEvents'
import type { JsonLinesFile } from './jsonLinesFile'

/** Accepted events, deduplicated by `id`, kept in memory and in a JSON Lines file. */
export interface EventCollector {
  /** Reads back the events a previous run accepted. */
  load(): Promise<void>
  /** Keeps the events not seen before and answers how many that was. */
  ingest(events: readonly CollectorEvent[]): Promise<number>
  events(): readonly CollectorEvent[]
}

export function createEventCollector(file: JsonLinesFile): EventCollector {
  const accepted: CollectorEvent[] = []
  const seenIds = new Set<string>()

  function keepNew(events: readonly CollectorEvent[]): CollectorEvent[] {
    const fresh = events.filter((event) => {
      if (event.id === undefined) return true
      if (seenIds.has(event.id)) return false
      seenIds.add(event.id)
      return true
    })
    accepted.push(...fresh)
    return fresh
  }

  return {
    async load() {
      keepNew(readCollectorBody({ events: await file.readAll() }).events)
    },
    async ingest(events) {
      const fresh = keepNew(events)
      await file.append(fresh)
      return fresh.length
    },
    events: () => accepted,
  }
}
