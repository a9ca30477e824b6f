import { memo, useLayoutEffect } from 'react'
import { useFlag } from 'vexil'
import { useStore } from 'zustand'
import type { StoreApi } from 'zustand'
import type { CommitProbe } from './createCommitProbe'

export type BareStore = StoreApi<Record<string, boolean>>

interface ProbedProps {
  flagKey: string
  probe: CommitProbe
}

/** One flag read through vexil, reporting its renders and commits to the probe. */
export const ProbedFlagReader = memo(function ProbedFlagReader({ flagKey, probe }: ProbedProps) {
  const on = useFlag(flagKey, false)
  probe.rendered()
  useLayoutEffect(() => probe.committed(flagKey), [probe, flagKey, on])
  return <li>{on ? 'on' : 'off'}</li>
})

/** The same read from a bare zustand store with a per-key selector. */
export const ProbedStoreReader = memo(function ProbedStoreReader({
  flagKey,
  probe,
  store,
}: ProbedProps & { store: BareStore }) {
  const on = useStore(store, (state) => state[flagKey])
  probe.rendered()
  useLayoutEffect(() => probe.committed(flagKey), [probe, flagKey, on])
  return <li>{on ? 'on' : 'off'}</li>
})

export function FlagReader({ flagKey }: { flagKey: string }) {
  return <li>{useFlag(flagKey, false) ? 'on' : 'off'}</li>
}

export function StoreReader({ flagKey, store }: { flagKey: string; store: BareStore }) {
  return <li>{useStore(store, (state) => state[flagKey]) ? 'on' : 'off'}</li>
}
