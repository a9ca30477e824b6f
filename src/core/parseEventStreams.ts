export interface EventStreamDescriptor {
  /** Absolute URL of an SSE stream. A secret (it may hold a token): never logged or persisted. */
  url: string
  inactivityDelaySec: number | undefined
}

/**
 * Reads OFREP's optional `eventStreams` (ADR-0008). Entries of unknown type or shape are skipped,
 * never fatal: a server's change-notification extras must not cost the client its flags.
 * An `sse` entry gives either `url`, or `endpoint` (a path, or `{ origin?, requestUri }`) that is
 * resolved against the origin of `baseUrl`.
 */
export function parseEventStreams(value: unknown, baseUrl: string): EventStreamDescriptor[] {
  if (!Array.isArray(value)) return []
  const streams: EventStreamDescriptor[] = []
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) continue
    const { type, url, endpoint, inactivityDelaySec } = entry as Record<string, unknown>
    if (type !== 'sse') continue
    const resolved = resolveStreamUrl(url, endpoint, baseUrl)
    if (resolved === undefined) continue
    const delay =
      typeof inactivityDelaySec === 'number' && inactivityDelaySec >= 1
        ? inactivityDelaySec
        : undefined
    if (!streams.some((stream) => stream.url === resolved)) {
      streams.push({ url: resolved, inactivityDelaySec: delay })
    }
  }
  return streams
}

function resolveStreamUrl(url: unknown, endpoint: unknown, baseUrl: string): string | undefined {
  try {
    if (typeof url === 'string') return new URL(url, baseUrl).href
    if (typeof endpoint === 'string') return new URL(endpoint, baseUrl).href
    if (typeof endpoint === 'object' && endpoint !== null) {
      const { origin, requestUri } = endpoint as Record<string, unknown>
      if (typeof requestUri !== 'string') return undefined
      return new URL(requestUri, typeof origin === 'string' ? origin : baseUrl).href
    }
  } catch {
    // An unparsable URL is an unusable stream, not a broken answer.
  }
  return undefined
}
