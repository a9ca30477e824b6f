import { useState } from 'react'
import type { FlagClient } from 'vexil/core'
import { formatTime } from './formatValue'
import { useClientState } from './useClientState'

/** How fresh the flags are, and a way to ask again. */
export function StatusBar({ client }: { client: FlagClient }) {
  const { status, error, connection, syncedAt } = useClientState(client)
  const [refreshing, setRefreshing] = useState(false)

  function refresh() {
    setRefreshing(true)
    void client.refresh().finally(() => setRefreshing(false))
  }

  return (
    <section className="status-bar" aria-label="Connection status">
      <dl className="status">
        <div>
          <dt>Status</dt>
          <dd data-status={status}>{status}</dd>
        </div>
        <div>
          <dt>Connection</dt>
          <dd>{connection}</dd>
        </div>
        <div>
          <dt>Last sync</dt>
          <dd>{formatTime(syncedAt)}</dd>
        </div>
      </dl>
      {error && (
        <p className="error" role="alert">
          {error.code}: {error.message}
        </p>
      )}
      <button type="button" onClick={refresh} disabled={refreshing}>
        {refreshing ? 'Refreshing…' : 'Refresh flags'}
      </button>
    </section>
  )
}
