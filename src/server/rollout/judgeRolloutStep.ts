import { formatDuration } from './formatDuration'
import type { RolloutArm, RolloutMeasurement } from './measureRolloutStep'
import type { RolloutPlan } from './RolloutPlan'
import { dropBeyond, riseBeyond } from './worseByMoreThan'

/** p below this, for "worse by more than the limit" to count as shown. */
export const rolloutSignificanceLevel = 0.05
/**
 * Users with the event in the worse-looking arm before a difference can count as real: the
 * z-test's normal approximation says "significant" after a single error among a few users.
 */
export const rolloutMinEvents = 5

/** One abort threshold, measured. */
export interface RolloutGuard {
  /** `errors`, or the tracking event key of a guarded conversion. */
  metric: 'errors' | { conversion: string }
  treatmentRate: number | null
  controlRate: number | null
  /** Errors: treatment rate minus control rate. Conversions: treatment rate / control rate − 1. */
  change: number | null
  /** The plan's `errorRateIncrease`, or its `conversionDrop` for this event. */
  limit: number
  /** One-sided, of "the treatment is not worse by more than `limit`". */
  pValue: number | null
  /**
   * `crossed`: over the limit, but the data do not show it yet; `breached`: significantly over it.
   */
  status: 'ok' | 'crossed' | 'breached'
}

export interface RolloutJudgement {
  /** `wait`: the guards hold but the dwell or the sample is not met yet. */
  verdict: 'advance' | 'wait' | 'hold' | 'abort'
  reason: string
  measurement: RolloutMeasurement
  guards: RolloutGuard[]
  dwell: { elapsedMs: number; requiredMs: number }
}

/**
 * Abort when a guard is breached: the treatment is significantly worse than the control by more
 * than the limit. Hold while it looks past the limit but the data do not show it yet. Otherwise
 * advance once the dwell has passed and both arms have `minSample` exposures in the step.
 */
export function judgeRolloutStep(
  plan: RolloutPlan,
  measurement: RolloutMeasurement,
  elapsedMs: number,
): RolloutJudgement {
  const { treatment, control } = measurement
  const guards = [
    guardErrors(treatment, control, plan.abort.errorRateIncrease),
    ...Object.entries(plan.abort.conversionDrop).map(([eventKey, drop]) =>
      guardConversion(eventKey, treatment, control, drop),
    ),
  ]
  const dwell = { elapsedMs, requiredMs: plan.minDwellMs }
  const judged = { measurement, guards, dwell }
  const breached = guards.find(({ status }) => status === 'breached')
  if (breached) return { verdict: 'abort', reason: describeGuard(breached), ...judged }
  const crossed = guards.find(({ status }) => status === 'crossed')
  if (crossed) {
    return { verdict: 'hold', reason: `${describeGuard(crossed)}; not yet conclusive`, ...judged }
  }
  const waiting: string[] = []
  if (elapsedMs < plan.minDwellMs) {
    waiting.push(`dwell ${formatDuration(elapsedMs)} of ${formatDuration(plan.minDwellMs)}`)
  }
  const short = [treatment, control].filter(({ exposures }) => exposures < plan.minSample)
  if (short.length > 0) {
    const counts = short.map(({ variant, exposures }) => `"${variant}" ${exposures}`).join(', ')
    waiting.push(`exposures ${counts} of ${plan.minSample}`)
  }
  const health = guards.map(describeGuard).join('; ')
  if (waiting.length > 0) {
    return { verdict: 'wait', reason: `waiting for ${waiting.join(' and ')}; ${health}`, ...judged }
  }
  const met = `dwell ${formatDuration(plan.minDwellMs)} and ${plan.minSample} exposures per arm met`
  return { verdict: 'advance', reason: `${met}; ${health}`, ...judged }
}

function guardErrors(treatment: RolloutArm, control: RolloutArm, limit: number): RolloutGuard {
  const t = treatment.errors
  const c = control.errors
  const change = t.rate === null || c.rate === null ? null : t.rate - c.rate
  const pValue = riseBeyond(
    { successes: t.users, trials: treatment.exposures },
    { successes: c.users, trials: control.exposures },
    limit,
  )
  return {
    metric: 'errors',
    treatmentRate: t.rate,
    controlRate: c.rate,
    change,
    limit,
    pValue,
    status: status(change !== null && change > limit, t.users >= rolloutMinEvents, pValue),
  }
}

function guardConversion(
  eventKey: string,
  treatment: RolloutArm,
  control: RolloutArm,
  limit: number,
): RolloutGuard {
  const t = treatment.conversions[eventKey] ?? { conversions: 0, rate: null }
  const c = control.conversions[eventKey] ?? { conversions: 0, rate: null }
  // Nothing can drop from a control that never converts.
  const change = t.rate === null || !c.rate ? null : t.rate / c.rate - 1
  const pValue = dropBeyond(
    { successes: t.conversions, trials: treatment.exposures },
    { successes: c.conversions, trials: control.exposures },
    limit,
  )
  return {
    metric: { conversion: eventKey },
    treatmentRate: t.rate,
    controlRate: c.rate,
    change,
    limit,
    pValue,
    status: status(change !== null && change < -limit, c.conversions >= rolloutMinEvents, pValue),
  }
}

function status(
  crossed: boolean,
  enoughEvents: boolean,
  pValue: number | null,
): RolloutGuard['status'] {
  if (!crossed) return 'ok'
  return enoughEvents && pValue !== null && pValue < rolloutSignificanceLevel
    ? 'breached'
    : 'crossed'
}

/** `error rate +28.0 pp, limit +5 pp, p = 1.2e-9` or `"purchase" conversion -40.0 %, limit -10 %`. */
export function describeGuard(guard: RolloutGuard): string {
  const p = guard.pValue === null ? '' : `, p = ${guard.pValue.toPrecision(2)}`
  if (guard.metric === 'errors') {
    const change = guard.change === null ? 'not measured yet' : signed(guard.change * 100, ' pp')
    return `error rate ${change}, limit +${round(guard.limit * 100)} pp${p}`
  }
  const change = guard.change === null ? 'not measured yet' : signed(guard.change * 100, ' %')
  return `"${guard.metric.conversion}" conversion ${change}, limit -${round(guard.limit * 100)} %${p}`
}

function signed(value: number, unit: string): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}${unit}`
}

function round(value: number): number {
  return Number(value.toFixed(2))
}
