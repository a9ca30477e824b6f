import { createBackoff } from './backoff'
import type { RefetchNotice } from './fetchBulkEvaluation'
import type { EventStreamDescriptor } from './parseEventStreams'
import { warnOnce } from './warnOnce'

/** The part of the browser's `EventSource` the change stream uses, so any host can provide one. */
export interface EventSourceLike {
  onopen: ((event: Event) => void) | null
  onmessage: ((event: MessageEvent) => void) | null
  onerror: ((event: Event) => void) | null
  close(): void
}
export type EventSourceConstructor = new (url: string) => EventSourceLike

export type ChangeStreamState = 'closed' | 'connecting' | 'open'

export interface ChangeStream {
  /** Connects to `streams`, keeping connections to URLs it already has. */
  connect(streams: EventStreamDescriptor[]): void
  close(): void
  readonly state: ChangeStreamState
}

/** A connection open this long is healthy again: the next failure starts the backoff afresh. */
const healthyAfterMs = 30_000

/**
 * Listens to OFREP change notices over SSE (ADR-0008). Reconnects with exponential backoff and full
 * jitter (1 s up to 60 s) instead of the browser's fixed retry, and reports every reconnect so the
 * caller can refetch what it may have missed. Stream URLs may hold secrets: they are never logged.
 */
export function createChangeStream({
  EventSource,
  onNotice,
  onReconnect,
  onStateChange,
}: {
  EventSource: EventSourceConstructor
  onNotice: (notice: RefetchNotice) => void
  onReconnect: () => void
  onStateChange: () => void
}): ChangeStream {
  const connections = new Map<string, { close(): void; readonly open: boolean }>()

  function open(url: string) {
    const backoff = createBackoff()
    let source: EventSourceLike | undefined
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    let healthyTimer: ReturnType<typeof setTimeout> | undefined
    let isOpen = false
    let hasBeenOpen = false
    let closed = false

    function connect() {
      try {
        source = new EventSource(url)
      } catch {
        warnOnce(
          'could not open the change stream advertised by the flag service; retrying with backoff.',
        )
        return scheduleReconnect()
      }
      source.onopen = () => {
        isOpen = true
        healthyTimer = setTimeout(() => backoff.reset(), healthyAfterMs)
        onStateChange()
        // OFREP ADR-0008: refetch after every reconnect, whatever the server may replay.
        if (hasBeenOpen) onReconnect()
        hasBeenOpen = true
      }
      source.onmessage = (event) => {
        const notice = readNotice(event.data)
        if (notice) onNotice(notice)
      }
      source.onerror = () => {
        source?.close()
        isOpen = false
        clearTimeout(healthyTimer)
        scheduleReconnect()
        onStateChange()
      }
    }

    function scheduleReconnect() {
      if (closed) return
      clearTimeout(retryTimer)
      retryTimer = setTimeout(connect, backoff.next())
    }

    connect()
    return {
      close() {
        closed = true
        clearTimeout(retryTimer)
        clearTimeout(healthyTimer)
        source?.close()
        isOpen = false
      },
      get open() {
        return isOpen
      },
    }
  }

  return {
    connect(streams) {
      const wanted = new Set(streams.map((stream) => stream.url))
      for (const [url, connection] of connections) {
        if (!wanted.has(url)) {
          connection.close()
          connections.delete(url)
        }
      }
      for (const url of wanted) {
        if (!connections.has(url)) connections.set(url, open(url))
      }
      onStateChange()
    },
    close() {
      connections.forEach((connection) => connection.close())
      connections.clear()
      onStateChange()
    },
    get state() {
      if (connections.size === 0) return 'closed'
      return [...connections.values()].some((connection) => connection.open) ? 'open' : 'connecting'
    },
  }
}

/** Reads an OFREP event's JSON `data`; anything but a `refetchEvaluation` is ignored. */
function readNotice(data: unknown): RefetchNotice | undefined {
  if (typeof data !== 'string') return undefined
  let message: unknown
  try {
    message = JSON.parse(data)
  } catch {
    return undefined
  }
  if (typeof message !== 'object' || message === null) return undefined
  const { type, etag, lastModified } = message as Record<string, unknown>
  if (type !== 'refetchEvaluation') return undefined
  const notice: RefetchNotice = {}
  if (typeof etag === 'string') notice.etag = etag
  if (typeof lastModified === 'string' || typeof lastModified === 'number') {
    notice.lastModified = String(lastModified)
  }
  return notice
}
