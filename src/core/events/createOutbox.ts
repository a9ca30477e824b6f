import { warnOnce } from '../warnOnce'
import type { CollectorEvent } from './CollectorEvent'
import { parseStoredOutbox } from './parseStoredOutbox'
import type { StoredOutbox } from './parseStoredOutbox'
import type { EventStorage } from './resolveEventStorage'
import { storageWarning } from './resolveEventStorage'

/**
 * Events not yet confirmed by a collector, oldest first, mirrored to storage so a reload, a crash
 * or an outage loses none of them. An event leaves only when a send of it succeeded (or can never
 * succeed); while a send is under way it is claimed, so no other send picks it up.
 */
export interface Outbox {
  /** Events waiting for a send, oldest first. */
  waiting(): CollectorEvent[]
  add(event: CollectorEvent): void
  claim(events: readonly CollectorEvent[]): void
  /** The send failed: the events wait again. */
  release(events: readonly CollectorEvent[]): void
  /** The send succeeded, or can never succeed: the events are gone. */
  remove(events: readonly CollectorEvent[]): void
  /** Events the bound dropped that no collector has been told about yet. */
  dropped(): number
  /** A collector was told about `count` dropped events. */
  acknowledgeDropped(count: number): void
  /** Writes at once rather than at the end of the current task; for page hide. */
  persistNow(): void
}

export interface OutboxOptions {
  storage: EventStorage | undefined
  storageKey: string
  /** Beyond this many events, the oldest waiting ones are dropped and counted. */
  maxEvents: number
}

/** Restores the outbox stored under `storageKey`, if there is a valid one. */
export function createOutbox({ storage, storageKey, maxEvents }: OutboxOptions): Outbox {
  let events: CollectorEvent[] = []
  let droppedCount = 0
  const claimed = new Set<string>()
  let writeQueued = false

  const stored = read()
  if (stored !== undefined) {
    events = stored.events
    droppedCount = stored.dropped
    enforceBound()
  }

  function read(): StoredOutbox | undefined {
    if (storage === undefined) return undefined
    let text: string | null
    try {
      text = storage.getItem(storageKey)
    } catch (cause) {
      return degrade(cause)
    }
    if (text === null) return undefined
    const parsed = parseStoredOutbox(text)
    if (parsed === undefined) {
      warnOnce(
        `ignored the stored event outbox under "${storageKey}": it is not one vexil wrote, so it was discarded.`,
      )
      persist()
    }
    return parsed
  }

  function degrade(cause: unknown): undefined {
    warnOnce(storageWarning(cause))
    try {
      // A stale copy left behind would be sent again after the next reload.
      storage?.removeItem(storageKey)
    } catch {
      // The storage is unusable either way.
    }
    storage = undefined
    return undefined
  }

  function enforceBound() {
    let excess = events.length - maxEvents
    if (excess <= 0) return
    persist()
    events = events.filter((event) => {
      if (excess === 0 || claimed.has(event.id)) return true
      excess -= 1
      droppedCount += 1
      return false
    })
  }

  function persistNow() {
    writeQueued = false
    if (storage === undefined) return
    try {
      if (events.length === 0 && droppedCount === 0) storage.removeItem(storageKey)
      else {
        const snapshot: StoredOutbox = { version: 1, events, dropped: droppedCount }
        storage.setItem(storageKey, JSON.stringify(snapshot))
      }
    } catch (cause) {
      degrade(cause)
    }
  }

  // One write per task however many events a render commits, yet before the page can unload.
  function persist() {
    if (writeQueued || storage === undefined) return
    writeQueued = true
    queueMicrotask(() => {
      if (writeQueued) persistNow()
    })
  }

  function without(gone: readonly CollectorEvent[]) {
    const ids = new Set(gone.map((event) => event.id))
    ids.forEach((id) => claimed.delete(id))
    events = events.filter((event) => !ids.has(event.id))
  }

  return {
    waiting: () => events.filter((event) => !claimed.has(event.id)),
    add(event) {
      events.push(event)
      enforceBound()
      persist()
    },
    claim(batch) {
      batch.forEach((event) => claimed.add(event.id))
    },
    release(batch) {
      batch.forEach((event) => claimed.delete(event.id))
    },
    remove(batch) {
      without(batch)
      persist()
    },
    dropped: () => droppedCount,
    acknowledgeDropped(count) {
      droppedCount = Math.max(0, droppedCount - count)
      persist()
    },
    persistNow,
  }
}
