import type { EventSourceLike } from 'vexil/core'

export interface FakeEventSource extends EventSourceLike {
  readonly url: string
  readonly closed: boolean
  /** The server accepts the connection. */
  open(): void
  /** The server sends one SSE message with this `data`. */
  send(data: unknown): void
  /** The connection drops. */
  fail(): void
}

/** An EventSource the test drives by hand, recording every connection the client opens. */
export function fakeEventSources() {
  const instances: FakeEventSource[] = []
  class EventSource implements FakeEventSource {
    onopen: ((event: Event) => void) | null = null
    onmessage: ((event: MessageEvent) => void) | null = null
    onerror: ((event: Event) => void) | null = null
    closed = false
    constructor(readonly url: string) {
      instances.push(this)
    }
    open() {
      this.onopen?.(new Event('open'))
    }
    send(data: unknown) {
      const text = typeof data === 'string' ? data : JSON.stringify(data)
      this.onmessage?.(new MessageEvent('message', { data: text }))
    }
    fail() {
      this.onerror?.(new Event('error'))
    }
    close() {
      this.closed = true
    }
  }
  return {
    EventSource,
    instances,
    /** The connections that are still open or opening. */
    live: () => instances.filter((source) => !source.closed),
  }
}
