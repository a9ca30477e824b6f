import type { StoreApi } from 'zustand/vanilla'
import type { StorageLike } from '../flagCache'
import { hashString } from '../hashString'
import { emptyFlagMap, mergeFlags } from '../mergeFlags'
import type { ResolvedOptions } from '../options'
import { parseBulkResponse } from '../parseBulkResponse'
import type { EvaluatedFlag, FlagClientState, FlagValue } from '../types'
import { warnOnce } from '../warnOnce'

export interface OverrideLayer {
  set(key: string, override: { variant: string | undefined; value: FlagValue }): void
  remove(key: string): void
  clear(): void
  applyUrlOverrides(): void
}

/**
 * Values forced on this device, kept in the store beside the service's answers and persisted per
 * service, so they survive reloads. Created only when overrides are allowed.
 */
export function createOverrideLayer(
  config: ResolvedOptions,
  store: StoreApi<FlagClientState>,
  storage: StorageLike | undefined,
): OverrideLayer {
  const storageKey = `vexil:overrides:${hashString(config.baseUrl)}`

  // Stored in the bulk evaluation shape, so the same validation guards what comes back.
  try {
    const stored = storage?.getItem(storageKey)
    const parsed = stored ? parseBulkResponse(JSON.parse(stored), 'override') : undefined
    if (parsed?.ok) store.setState({ overrides: mergeFlags(emptyFlagMap(), parsed.flags) })
  } catch {
    // A corrupt entry is ignored; the next change replaces it.
  }

  function update(change: (overrides: Record<string, EvaluatedFlag>) => void): void {
    const next: Record<string, EvaluatedFlag> = Object.assign(
      emptyFlagMap(),
      store.getState().overrides,
    )
    change(next)
    store.setState({ overrides: next })
    try {
      const flags = Object.values(next).map(({ source: _source, ...flag }) => flag)
      storage?.setItem(storageKey, JSON.stringify({ flags }))
    } catch {
      warnOnce('could not persist overrides (storage full or unavailable); they last until reload.')
    }
  }

  const layer: OverrideLayer = {
    set(key, override) {
      const { variant, value } = override
      update((overrides) => {
        overrides[key] = {
          key,
          value,
          ...(variant === undefined ? {} : { variant }),
          reason: 'OVERRIDE',
          source: 'override',
        }
      })
    },
    remove(key) {
      if (store.getState().overrides[key] !== undefined)
        update((overrides) => delete overrides[key])
    },
    clear() {
      if (Object.keys(store.getState().overrides).length > 0)
        update((overrides) => {
          for (const key of Object.keys(overrides)) delete overrides[key]
        })
    },
    applyUrlOverrides() {
      // Loaded on demand: apps that do not read overrides from the URL never download the parser.
      void import('./readUrlOverrides').then(({ readUrlOverrides }) => {
        for (const [key, value] of Object.entries(readUrlOverrides())) {
          layer.set(key, { variant: undefined, value })
        }
      })
    },
  }
  return layer
}
