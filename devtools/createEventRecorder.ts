import type { FlagClient, FlagMap, JsonValue } from 'vexil/core'

export type LogEntryType = 'exposure' | 'track' | 'change' | 'error'

export interface LogEntry {
  id: number
  time: number
  type: LogEntryType
  summary: string
}

export interface RecordedEvents {
  /** Oldest first, at most `maxLogEntries`. */
  log: readonly LogEntry[]
  /** Flags this page has shown to the user since devtools were mounted. */
  exposed: ReadonlySet<string>
  /** When each flag last changed value, in ms since the epoch. */
  changedAt: ReadonlyMap<string, number>
  /** Per flag, the value served for each variant seen so far, to offer in the variant picker. */
  variantValues: ReadonlyMap<string, ReadonlyMap<string, JsonValue>>
}

export interface EventRecorder {
  getSnapshot(): RecordedEvents
  subscribe(listener: () => void): () => void
  clearLog(): void
  stop(): void
}

export const maxLogEntries = 200

/**
 * Listens from the moment devtools mount, not from the first open, so the panel can tell what
 * this page exposed and changed before anyone looked.
 */
export function createEventRecorder(client: FlagClient): EventRecorder {
  const listeners = new Set<() => void>()
  let snapshot: RecordedEvents = {
    log: [],
    exposed: new Set(),
    changedAt: new Map(),
    variantValues: variantValuesOf(new Map(), client.getState().flags),
  }
  let nextId = 1

  function update(change: Partial<RecordedEvents>) {
    snapshot = { ...snapshot, ...change }
    listeners.forEach((listener) => listener())
  }

  function record(type: LogEntryType, summary: string, change: Partial<RecordedEvents> = {}) {
    const entry = { id: nextId++, time: Date.now(), type, summary }
    update({ ...change, log: [...snapshot.log.slice(1 - maxLogEntries), entry] })
  }

  const stops = [
    client.on('exposure', (exposure) => {
      const key = exposure['feature_flag.key']
      const variant = exposure['feature_flag.result.variant']
      const value = JSON.stringify(exposure['feature_flag.result.value'])
      record('exposure', `${key} = ${variant === undefined ? value : `${variant} (${value})`}`, {
        exposed: new Set(snapshot.exposed).add(key),
      })
    }),
    client.on('track', (tracked) => {
      const details = JSON.stringify(tracked.details)
      record('track', details === '{}' ? tracked.name : `${tracked.name} ${details}`)
    }),
    client.on('change', ({ keys }) => {
      const changedAt = new Map(snapshot.changedAt)
      const now = Date.now()
      keys.forEach((key) => changedAt.set(key, now))
      const variantValues = variantValuesOf(snapshot.variantValues, client.getState().flags)
      record('change', keys.join(', '), { changedAt, variantValues })
    }),
    client.on('flagError', (flagError) => {
      const { 'feature_flag.key': key, 'feature_flag.result.variant': variant } = flagError
      const parts = ['flag error', key, variant, flagError['error.type']]
      record('error', parts.filter((part) => part !== undefined).join(' · '))
    }),
    client.on('error', (error) => record('error', `${error.code}: ${error.message}`)),
  ]

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    clearLog: () => update({ log: [] }),
    stop: () => stops.forEach((stop) => stop()),
  }
}

function variantValuesOf(
  previous: RecordedEvents['variantValues'],
  flags: FlagMap,
): RecordedEvents['variantValues'] {
  const next = new Map(previous)
  for (const flag of Object.values(flags)) {
    if (flag.variant === undefined || flag.value === undefined) continue
    next.set(flag.key, new Map(next.get(flag.key)).set(flag.variant, flag.value))
  }
  return next
}
