/** Where a guarded rollout stands; served to clients as the flag's `rolloutState` metadata. */
export type RolloutState = 'advancing' | 'holding' | 'rolled-back' | 'complete'

/** When a step is aborted: both limits are fractions, compared with the control's rates. */
export interface RolloutAbort {
  /** Abort when the treatment's error rate is above the control's by more than this (0.05 = 5 pp). */
  errorRateIncrease: number
  /** Per tracking event: abort when its conversion rate is below the control's by more than this share. */
  conversionDrop: Record<string, number>
}

/** One flag's plan, from the rollouts file, checked against the flag file. */
export interface RolloutPlan {
  flag: string
  /** The variant being rolled out. */
  variant: string
  /** The variant everyone else gets: the plan's `control`, else the flag's `defaultVariant`. */
  control: string
  /** Whole percentages of users in `variant`, strictly increasing, ending with 100. */
  steps: number[]
  minDwellMs: number
  /** Exposures each arm needs in a step before it can advance. */
  minSample: number
  abort: RolloutAbort
  /** A short digest of everything above: a rollout resumes from the audit log only if it matches. */
  hash: string
}

/** The rollout fields of a served flag's metadata (primitives, as flagd metadata must be). */
export interface RolloutMetadata {
  rolloutState: RolloutState
  /** 1-based index of the current step; 0 once rolled back. */
  rolloutStep: number
  rolloutSteps: number
  rolloutPercent: number
  rolloutVariant: string
  rolloutReason: string
}

/** What a rollout serves for its flag: a fractional split of two variants, and its metadata. */
export interface RolloutSplit {
  variant: string
  control: string
  percent: number
  metadata: RolloutMetadata
}
