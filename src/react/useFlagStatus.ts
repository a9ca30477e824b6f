import { useMemo } from 'react'
import { useStore } from 'zustand'
import type { ConnectionState, FlagClientError, FlagStatus } from 'vexil/core'
import { useFlagClient } from './useFlagClient'

export interface FlagStatusResult {
  status: FlagStatus
  /** Why the last request failed; kept while a context switch waits for the service. */
  error: FlagClientError | undefined
  /** How changes are followed: `streaming`, `polling`, `connecting`, `offline` or `idle`. */
  connection: ConnectionState
  /** When the service last answered successfully (ms since the epoch). */
  syncedAt: number | undefined
}

/**
 * The client's sync status, for a spinner or an "offline" banner. Flags keep working in every
 * status; this only says how fresh they are.
 * @example
 * const { status, error, connection } = useFlagStatus()
 */
export function useFlagStatus(): FlagStatusResult {
  const client = useFlagClient()
  const status = useStore(client, (state) => state.status)
  const error = useStore(client, (state) => state.error)
  const connection = useStore(client, (state) => state.connection)
  const syncedAt = useStore(client, (state) => state.syncedAt)
  return useMemo(
    () => ({ status, error, connection, syncedAt }),
    [status, error, connection, syncedAt],
  )
}
