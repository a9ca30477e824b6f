import type { IncomingMessage, ServerResponse } from 'node:http'

/** Open server-sent event streams, and what to send them. */
export interface EventStreamHub {
  connect(request: IncomingMessage, response: ServerResponse): void
  /** Sends `data` as an SSE `message` event with the next id to every open stream. */
  broadcast(data: unknown): void
  connectionCount(): number
  close(): void
}

export function createEventStreamHub(keepAliveMs: number): EventStreamHub {
  const connections = new Set<ServerResponse>()
  let lastId = 0
  let lastEvent: string | undefined
  let keepAlive: ReturnType<typeof setInterval> | undefined

  function stopKeepAliveWhenIdle() {
    if (connections.size > 0 || keepAlive === undefined) return
    clearInterval(keepAlive)
    keepAlive = undefined
  }

  return {
    connect(request, response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      })
      request.socket.setNoDelay(true)
      // A first chunk right away, so EventSource reports the stream open.
      response.write(': connected\n\n')
      // A client that reconnects after missing events gets the latest one (OFREP ADR-0008 replay).
      const seen = Number(request.headers['last-event-id'])
      if (lastEvent !== undefined && Number.isInteger(seen) && seen < lastId) {
        response.write(lastEvent)
      }
      connections.add(response)
      response.on('close', () => {
        connections.delete(response)
        stopKeepAliveWhenIdle()
      })
      keepAlive ??= setInterval(() => {
        for (const connection of connections) connection.write(': keep-alive\n\n')
      }, keepAliveMs)
      keepAlive.unref()
    },
    broadcast(data) {
      lastId += 1
      lastEvent = `id: ${lastId}\nevent: message\ndata: ${JSON.stringify(data)}\n\n`
      for (const connection of connections) connection.write(lastEvent)
    },
    connectionCount: () => connections.size,
    close() {
      for (const connection of connections) connection.end()
      connections.clear()
      stopKeepAliveWhenIdle()
    },
  }
}
