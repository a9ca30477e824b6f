import { eventTimeMs } from '../collectorEvents'
import type { CollectorEvent } from '../collectorEvents'
import { summarizeExperiments } from '../summarizeExperiments'
import type { RolloutPlan } from './RolloutPlan'

/** One arm of a rollout step: unique users exposed, and how many of them failed or converted. */
export interface RolloutArm {
  variant: string
  exposures: number
  errors: { users: number; rate: number | null }
  /** Per tracking event the plan guards. */
  conversions: Record<string, { conversions: number; rate: number | null }>
}

export interface RolloutMeasurement {
  treatment: RolloutArm
  control: RolloutArm
}

/** The treatment and control of a plan, counted from the events sent since the step started. */
export function measureRolloutStep(
  events: readonly CollectorEvent[],
  plan: RolloutPlan,
  since: number,
): RolloutMeasurement {
  const window = events.filter(
    (event) =>
      eventTimeMs(event) >= since && (event.kind === 'tracking' || event.key === plan.flag),
  )
  const known = new Map([
    [plan.flag, { variants: [plan.variant, plan.control], defaultVariant: plan.control }],
  ])
  const summary = summarizeExperiments(window, known, 1).flags.find(({ key }) => key === plan.flag)
  const arm = (variant: string): RolloutArm => {
    const counted = summary?.variants.find((candidate) => candidate.variant === variant)
    const exposures = counted?.exposures ?? 0
    return {
      variant,
      exposures,
      errors: { users: counted?.errors.users ?? 0, rate: counted?.errors.rate ?? null },
      conversions: Object.fromEntries(
        Object.keys(plan.abort.conversionDrop).map((eventKey) => {
          const conversions = counted?.conversions[eventKey]?.conversions ?? 0
          return [eventKey, { conversions, rate: exposures === 0 ? null : conversions / exposures }]
        }),
      ),
    }
  }
  return { treatment: arm(plan.variant), control: arm(plan.control) }
}
