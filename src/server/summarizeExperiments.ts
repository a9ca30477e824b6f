import { flagErrorEventKey } from '../core/events/flagErrorEventKey'
import { eventTimeMs } from './collectorEvents'
import type { CollectorEvent, TrackingEvent } from './collectorEvents'
import { twoProportionZTest } from './twoProportionZTest'

/** What the summary needs to know about a flag that still exists. */
export interface KnownFlag {
  variants: string[]
  defaultVariant: string | null
}

export type Verdict = 'better' | 'worse' | 'inconclusive'

export interface Comparison {
  against: string
  z: number | null
  pValue: number | null
  /** `null` when there is no verdict to give yet; `reason` says why. */
  verdict: Verdict | null
  reason: string
}

export interface ConversionSummary {
  /** Exposed users of this variant who sent the tracking event after their first exposure. */
  conversions: number
  rate: number | null
  /** Against the control variant; absent for the control itself. */
  comparison?: Comparison
}

export interface ErrorSummary {
  /** Exposed users of this variant who hit an error in it (`reportError`, `<FlagBoundary>`). */
  users: number
  rate: number | null
  /** Against the control variant, where `better` means fewer errors; absent for the control. */
  comparison?: Comparison
}

export interface VariantSummary {
  variant: string
  /** Unique users shown this variant. */
  exposures: number
  errors: ErrorSummary
  conversions: Record<string, ConversionSummary>
}

export interface FlagSummary {
  key: string
  /** The variant others are compared with: "control" if there is one, else the default. */
  control: string | null
  trackingEvents: string[]
  variants: VariantSummary[]
}

export interface ExperimentSummary {
  minSample: number
  significanceLevel: number
  flags: FlagSummary[]
}

const significanceLevel = 0.05

/**
 * Exposures, errors and conversions per flag and variant, with a two-proportion z-test of each
 * variant against the control. Exposures served from the code default (`default: true`) are not
 * counted; flag error events count as errors of their flag and variant, never as conversions.
 */
export function summarizeExperiments(
  events: Iterable<CollectorEvent>,
  knownFlags: ReadonlyMap<string, KnownFlag>,
  minSample: number,
): ExperimentSummary {
  // flag → variant → user → first exposure time
  const exposures = new Map<string, Map<string, Map<string, number>>>()
  // user → tracking event key → latest time
  const tracked = new Map<string, Map<string, number>>()
  // flag → variant → users who hit an error in it
  const failed = new Map<string, Map<string, Set<string>>>()
  for (const event of events) {
    const time = eventTimeMs(event)
    if (event.kind === 'tracking' && event.key === flagErrorEventKey) {
      const failure = blamedVariant(event)
      if (failure) {
        const byVariant = getOrCreate(failed, failure.flagKey, () => new Map())
        getOrCreate(byVariant, failure.variant, () => new Set<string>()).add(event.userKey)
      }
    } else if (event.kind === 'tracking') {
      const byKey = getOrCreate(tracked, event.userKey, () => new Map<string, number>())
      byKey.set(event.key, Math.max(byKey.get(event.key) ?? -Infinity, time))
    } else if (!event.default) {
      const byVariant = getOrCreate(exposures, event.key, () => new Map())
      const users = getOrCreate(byVariant, event.variation, () => new Map<string, number>())
      users.set(event.userKey, Math.min(users.get(event.userKey) ?? Infinity, time))
    }
  }
  const flags = [...exposures.keys()].sort().map((key) => {
    const byVariant = exposures.get(key) ?? new Map<string, Map<string, number>>()
    const errors = failed.get(key) ?? new Map<string, Set<string>>()
    return summarizeFlag(key, byVariant, errors, tracked, knownFlags.get(key), minSample)
  })
  return { minSample, significanceLevel, flags }
}

function summarizeFlag(
  key: string,
  byVariant: Map<string, Map<string, number>>,
  failed: Map<string, Set<string>>,
  tracked: Map<string, Map<string, number>>,
  known: KnownFlag | undefined,
  minSample: number,
): FlagSummary {
  const names = [...new Set([...(known?.variants ?? []), ...byVariant.keys()])]
  const control = names.includes('control') ? 'control' : (known?.defaultVariant ?? null)
  const trackingEvents = new Set<string>()
  for (const users of byVariant.values()) {
    for (const user of users.keys()) {
      for (const eventKey of tracked.get(user)?.keys() ?? []) trackingEvents.add(eventKey)
    }
  }
  const eventKeys = [...trackingEvents].sort()
  const counts = new Map(
    names.map((variant) => {
      const users = byVariant.get(variant) ?? new Map<string, number>()
      const converted = eventKeys.map((eventKey) => {
        let count = 0
        for (const [user, exposedAt] of users) {
          if ((tracked.get(user)?.get(eventKey) ?? -Infinity) >= exposedAt) count += 1
        }
        return [eventKey, count] as const
      })
      const failedUsers = failed.get(variant)
      const errors = failedUsers ? [...users.keys()].filter((user) => failedUsers.has(user)) : []
      return [
        variant,
        { exposures: users.size, errors: errors.length, converted: new Map(converted) },
      ]
    }),
  )
  const controlCounts = control === null ? undefined : counts.get(control)
  const variants = names.map((variant): VariantSummary => {
    const { exposures, errors, converted } = counts.get(variant) ?? {
      exposures: 0,
      errors: 0,
      converted: new Map<string, number>(),
    }
    const compared = controlCounts && control !== null && variant !== control
    const errorSummary: ErrorSummary = {
      users: errors,
      rate: exposures === 0 ? null : errors / exposures,
    }
    if (compared) {
      errorSummary.comparison = compare(
        { variant, successes: errors, trials: exposures },
        { variant: control, successes: controlCounts.errors, trials: controlCounts.exposures },
        minSample,
        'lower',
      )
    }
    const conversions = Object.fromEntries(
      eventKeys.map((eventKey) => {
        const count = converted.get(eventKey) ?? 0
        const summary: ConversionSummary = {
          conversions: count,
          rate: exposures === 0 ? null : count / exposures,
        }
        if (compared) {
          summary.comparison = compare(
            { variant, successes: count, trials: exposures },
            {
              variant: control,
              successes: controlCounts.converted.get(eventKey) ?? 0,
              trials: controlCounts.exposures,
            },
            minSample,
            'higher',
          )
        }
        return [eventKey, summary]
      }),
    )
    return { variant, exposures, errors: errorSummary, conversions }
  })
  return { key, control, trackingEvents: eventKeys, variants }
}

interface Arm {
  variant: string
  successes: number
  trials: number
}

/** `better` means a higher rate for conversions and a lower one for errors. */
function compare(
  arm: Arm,
  control: Arm,
  minSample: number,
  better: 'higher' | 'lower',
): Comparison {
  const test = twoProportionZTest(arm, control)
  const result = { against: control.variant, z: test?.z ?? null, pValue: test?.pValue ?? null }
  const small = [arm, control].filter(({ trials }) => trials < minSample)
  if (small.length > 0) {
    const described = small.map(({ variant, trials }) => `"${variant}" has ${trials}`).join(', ')
    return {
      ...result,
      verdict: null,
      reason: `too few exposures for a verdict: ${described}; each variant needs ${minSample}`,
    }
  }
  if (!test) {
    return { ...result, verdict: null, reason: 'both variants convert at 0% or both at 100%' }
  }
  const p = test.pValue.toPrecision(3)
  if (test.pValue >= significanceLevel) {
    return { ...result, verdict: 'inconclusive', reason: `p = ${p} ≥ ${significanceLevel}` }
  }
  return {
    ...result,
    verdict: test.z > 0 === (better === 'higher') ? 'better' : 'worse',
    reason: `p = ${p} < ${significanceLevel}`,
  }
}

/** The flag and variant a flag error event blames; none when the default was on screen. */
function blamedVariant(event: TrackingEvent): { flagKey: string; variant: string } | undefined {
  const { flagKey, variant } = event.trackingEventDetails ?? {}
  if (typeof flagKey !== 'string' || typeof variant !== 'string') return undefined
  return { flagKey, variant }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = create()
    map.set(key, value)
  }
  return value
}
