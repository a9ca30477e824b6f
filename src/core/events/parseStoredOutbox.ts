import type { CollectorEvent } from './CollectorEvent'

/** What the outbox writes to storage. The version lets a future format ignore this one. */
export interface StoredOutbox {
  version: 1
  events: CollectorEvent[]
  /** Events the bound dropped that no collector has been told about yet. */
  dropped: number
}

/**
 * Reads a stored outbox. Anything that is not exactly what the outbox writes is refused as a
 * whole: stored data may be stale, foreign or tampered with, and is never trusted piecemeal.
 */
export function parseStoredOutbox(text: string): StoredOutbox | undefined {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isObject(data) || data.version !== 1 || !Array.isArray(data.events)) return undefined
  const { events, dropped } = data
  if (!isCount(dropped) || !events.every(isCollectorEvent)) return undefined
  return { version: 1, events, dropped }
}

function isCollectorEvent(value: unknown): value is CollectorEvent {
  if (!isObject(value)) return false
  const { id, kind, contextKind, userKey, creationDate, key } = value
  const common =
    typeof id === 'string' &&
    id !== '' &&
    (contextKind === 'user' || contextKind === 'anonymousUser') &&
    typeof userKey === 'string' &&
    isCount(creationDate) &&
    typeof key === 'string'
  if (!common) return false
  if (kind === 'feature') {
    return (
      typeof value.variation === 'string' &&
      'value' in value &&
      typeof value.default === 'boolean' &&
      typeof value.source === 'string' &&
      (value.version === undefined || typeof value.version === 'string')
    )
  }
  return (
    kind === 'tracking' && isObject(value.evaluationContext) && isObject(value.trackingEventDetails)
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}
