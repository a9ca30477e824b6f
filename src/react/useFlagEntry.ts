import { useStore } from 'zustand'
import { readFlag } from 'vexil/core'
import type { EvaluatedFlag, FlagClient } from 'vexil/core'

/**
 * Subscribes to one flag's store entry, so a component re-renders only when that flag changes
 * (and once when the first answer arrives).
 */
export function useFlagEntry(
  client: FlagClient,
  key: string,
): [EvaluatedFlag | undefined, boolean] {
  const flag = useStore(client, (state) => readFlag(state, key))
  const loaded = useStore(client, (state) => state.syncedAt !== undefined)
  return [flag, loaded]
}
