import type { FlagMetadata } from 'vexil/core'

/** A rollout plan's progress, as `vexil dev` serves it in a flag's metadata. */
export interface Rollout {
  /** `advancing`, `holding`, `rolled-back` or `complete`; a newer server may send others. */
  state: string
  /** 1-based; 0 once rolled back. */
  step: number
  steps: number
  /** Share of users in the treatment variant now, 0 to 100. */
  percent: number
  variant: string | undefined
  reason: string | undefined
}

/** The rollout described by a flag's `rollout*` metadata, or undefined when it has none. */
export function readRollout(metadata: FlagMetadata | undefined): Rollout | undefined {
  if (metadata === undefined) return undefined
  const { rolloutState: state, rolloutStep: step, rolloutSteps: steps } = metadata
  const { rolloutPercent: percent, rolloutVariant: variant, rolloutReason: reason } = metadata
  if (typeof state !== 'string' || typeof step !== 'number' || typeof steps !== 'number') {
    return undefined
  }
  if (typeof percent !== 'number') return undefined
  return {
    state,
    step,
    steps,
    percent,
    variant: typeof variant === 'string' ? variant : undefined,
    reason: typeof reason === 'string' ? reason : undefined,
  }
}
