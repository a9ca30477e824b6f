import { useState } from 'react'
import type { EventRecorder } from '../createEventRecorder'
import { maxLogEntries } from '../createEventRecorder'
import { formatTime } from './formatValue'
import { useRecordedEvents } from './useClientState'

const types = {
  all: 'All events',
  exposure: 'Exposures',
  track: 'Tracking',
  change: 'Flag changes',
  error: 'Errors',
} as const

/** The latest exposures, tracking events, flag changes and errors, newest first. */
export function EventLog({ recorder }: { recorder: EventRecorder }) {
  const { log } = useRecordedEvents(recorder)
  const [type, setType] = useState<keyof typeof types>('all')
  const shown = log.filter((entry) => type === 'all' || entry.type === type).reverse()

  return (
    <section className="events" aria-label="Events">
      <div className="toolbar">
        <select
          aria-label="Event type"
          value={type}
          onChange={(event) => setType(event.target.value as keyof typeof types)}
          data-autofocus
        >
          {Object.entries(types).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="button" onClick={recorder.clearLog} disabled={log.length === 0}>
          Clear log
        </button>
      </div>
      <p className="count">
        {shown.length} {shown.length === 1 ? 'event' : 'events'} (the latest {maxLogEntries} are
        kept)
      </p>
      {shown.length === 0 ? (
        <p className="empty">
          Nothing yet. Exposures, tracking, flag changes and errors appear here.
        </p>
      ) : (
        <ol className="log" aria-label="Event log">
          {shown.map((entry) => (
            <li key={entry.id} className="log-entry" data-type={entry.type}>
              <time dateTime={new Date(entry.time).toISOString()}>{formatTime(entry.time)}</time>
              <span className="badge">{entry.type}</span>
              <span className="summary">{entry.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
