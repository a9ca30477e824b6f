import { useId, useState } from 'react'
import { readFlag } from 'vexil/core'
import type { EvaluatedFlag, FlagClient } from 'vexil/core'
import type { EventRecorder } from '../createEventRecorder'
import { FlagRow } from './FlagRow'
import { ShareLink } from './ShareLink'
import { useClientState, useRecordedEvents } from './useClientState'

const filters = {
  all: 'All flags',
  overridden: 'Overridden',
  exposed: 'Exposed on this page',
  errors: 'With errors',
} as const

type Filter = keyof typeof filters

/** Every flag the client knows (served, overridden, pinned), searchable, with override controls. */
export function FlagsView({ client, recorder }: { client: FlagClient; recorder: EventRecorder }) {
  const state = useClientState(client)
  const { flags, overrides, pins } = state
  const events = useRecordedEvents(recorder)
  const [search, setSearch] = useState('')
  const [filter, setFilter] = useState<Filter>('all')
  const explanationId = useId()
  // Kill dates are days apart: the time the view opened is precise enough, and keeps renders pure.
  const [openedAt] = useState(Date.now)
  const allowed = client.allowOverrides

  const keys = [
    ...new Set([...Object.keys(flags), ...Object.keys(overrides), ...Object.keys(pins)]),
  ].sort()
  const query = search.trim().toLowerCase()
  const shown = keys.filter((key) => {
    if (query !== '' && !key.toLowerCase().includes(query)) return false
    if (filter === 'overridden') return overrides[key] !== undefined
    if (filter === 'exposed') return events.exposed.has(key)
    if (filter === 'errors') return pins[key] !== undefined || flags[key]?.errorCode !== undefined
    return true
  })
  const overrideCount = Object.keys(overrides).length

  return (
    <section className="flags" aria-label="Flags">
      <div className="toolbar">
        <input
          type="search"
          aria-label="Search flags"
          placeholder="Search flags"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          data-autofocus
        />
        <select
          aria-label="Show"
          value={filter}
          onChange={(event) => setFilter(event.target.value as Filter)}
        >
          {Object.entries(filters).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {!allowed && (
        <p id={explanationId} className="note">
          Overrides are off for this client, so the controls below are disabled. Create it with{' '}
          <code>allowOverrides: true</code> to force values (they are off by default in production
          builds).
        </p>
      )}
      <div className="toolbar">
        <ShareLink overrides={overrides} />
        <button
          type="button"
          disabled={!allowed || overrideCount === 0}
          onClick={() => client.clearOverrides()}
        >
          Reset all overrides
        </button>
      </div>
      <p className="count" aria-live="polite">
        {shown.length === keys.length
          ? `${keys.length} ${keys.length === 1 ? 'flag' : 'flags'}`
          : `${shown.length} of ${keys.length} flags`}
        {overrideCount > 0 && `, ${overrideCount} overridden`}
      </p>
      {keys.length === 0 ? (
        <p className="empty">No flags yet: the client has not received any from the service.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No flag matches.</p>
      ) : (
        <ul className="flag-list" aria-label="Flag list">
          {shown.map((key) => (
            <FlagRow
              key={key}
              flagKey={key}
              client={client}
              served={flags[key] as EvaluatedFlag | undefined}
              override={overrides[key] as EvaluatedFlag | undefined}
              pin={pins[key]}
              current={readFlag(state, key)}
              exposed={events.exposed.has(key)}
              now={openedAt}
              changedAt={events.changedAt.get(key)}
              seenVariants={events.variantValues.get(key)}
              disabledBecause={allowed ? undefined : explanationId}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
