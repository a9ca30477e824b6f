import { request } from 'node:http'
import type { ClientRequest } from 'node:http'
import type { EventSourceLike } from 'vexil/core'

/**
 * Just enough of the browser's EventSource over node:http for tests on a real socket: opens,
 * parses `data:` lines into message events, reports errors, and never reconnects by itself (the
 * flag client owns reconnection).
 */
export class NodeEventSource implements EventSourceLike {
  onopen: ((event: Event) => void) | null = null
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  private closed = false
  private readonly request: ClientRequest

  constructor(url: string) {
    this.request = request(url, { headers: { Accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) return this.fail()
      this.onopen?.(new Event('open'))
      let buffer = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        buffer += chunk
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          this.dispatch(buffer.slice(0, end))
          buffer = buffer.slice(end + 2)
        }
      })
      response.on('end', () => this.fail())
    })
    this.request.on('error', () => this.fail())
    this.request.end()
  }

  close(): void {
    this.closed = true
    this.request.destroy()
  }

  private dispatch(block: string): void {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n')
    if (data !== '' && !this.closed) this.onmessage?.(new MessageEvent('message', { data }))
  }

  private fail(): void {
    if (!this.closed) this.onerror?.(new Event('error'))
  }
}
