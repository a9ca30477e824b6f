import type { StoreApi } from 'zustand/vanilla'
import { browserStorage } from '../browserStorage'
import type { ResolvedOptions } from '../options'
import type { FlagClientState, FlagEvaluation, FlagValue } from '../types'
import { warnOnce } from '../warnOnce'
import type { OverrideLayer } from './createOverrideLayer'

type Evaluation = FlagEvaluation<FlagValue | undefined>

/**
 * The override layer as a lazy chunk, requested at once when overrides are allowed, so production
 * builds that do not opt in never download it. Calls made before it arrives wait for it, and so do
 * exposures: a read shown before the layer arrived may be about to be overridden, and then it must
 * not be counted.
 */
export function createLazyOverrides(
  config: ResolvedOptions,
  store: StoreApi<FlagClientState>,
  exposeNow: (evaluation: Evaluation) => void,
): { run(action: (layer: OverrideLayer) => void): void; expose(evaluation: Evaluation): void } {
  let layer: OverrideLayer | undefined
  const waiting: ((layer: OverrideLayer) => void)[] = []
  let heldExposures: Evaluation[] | undefined
  if (config.allowOverrides) {
    heldExposures = []
    void import('./createOverrideLayer').then(({ createOverrideLayer }) => {
      const loaded = createOverrideLayer(config, store, config.storage ?? browserStorage())
      layer = loaded
      waiting.splice(0).forEach((action) => action(loaded))
      const held = heldExposures ?? []
      heldExposures = undefined
      const { overrides } = store.getState()
      for (const evaluation of held)
        if (overrides[evaluation.key] === undefined) exposeNow(evaluation)
    })
  }
  return {
    run(action) {
      if (layer) action(layer)
      else if (config.allowOverrides) waiting.push(action)
      else
        warnOnce(
          'overrides are off, so this call was ignored. Pass allowOverrides: true to enable them.',
        )
    },
    expose(evaluation) {
      if (heldExposures) heldExposures.push(evaluation)
      else exposeNow(evaluation)
    },
  }
}
