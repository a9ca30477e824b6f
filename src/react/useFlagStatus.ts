import { useMemo } from 'react'
import { useStore } from 'zustand'
import type { FlagClientError, FlagStatus } from 'vexil/core'
import { useFlagClient } from './useFlagClient'

export interface FlagStatusResult {
  status: FlagStatus
  /** Why the last request failed, while `status` is `error`. */
  error: FlagClientError | undefined
}

/**
 * The client's sync status, for a spinner or an "offline" banner. Flags keep working in every
 * status; this only says how fresh they are.
 * @example
 * const { status, error } = useFlagStatus()
 */
export function useFlagStatus(): FlagStatusResult {
  const client = useFlagClient()
  const status = useStore(client, (state) => state.status)
  const error = useStore(client, (state) => state.error)
  return useMemo(() => ({ status, error }), [status, error])
}
