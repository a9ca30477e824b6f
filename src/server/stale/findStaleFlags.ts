import type { CollectorEvent } from '../collectorEvents'
import type { FlagDefinitionFile } from '../flagDefinition'
import { findFullRollout } from './findFullRollout'
import { parseExpires } from './parseExpires'

/**
 * Why a flag is due for removal: its kill date passed, every user has got the same variant
 * (`rolled-out`) or the code default (`rolled-back`) for longer than the period, or no user was
 * ever shown one of its variants.
 */
export type StaleReason = 'expired' | 'rolled-out' | 'rolled-back' | 'never-exposed'

export interface StaleFlag {
  key: string
  reasons: StaleReason[]
  /** `metadata.owner`, when the flag names one. */
  owner?: string
  /** `metadata.expires` as written; with `expired`. */
  expires?: string
  /** ISO 8601: since when every user gets the same; with `rolled-out` or `rolled-back`. */
  since?: string
  /** The variant every user gets; with `rolled-out`. */
  variant?: string
}

export interface StaleFlagsReport {
  /** How long, in ms, a flag must have been fully rolled out or back to be listed. */
  rolledOutFor: number
  flags: StaleFlag[]
}

export interface StaleFlagsInput {
  /** The served flags. */
  file: FlagDefinitionFile
  /** When each flag was first served in its current form, in ms since the epoch. */
  servedSince(key: string): number | undefined
  events: Iterable<CollectorEvent>
  rolledOutFor: number
  now: number
}

/** The served flags that are expired, fully rolled out or back for too long, or never exposed. */
export function findStaleFlags(input: StaleFlagsInput): StaleFlagsReport {
  const exposed = new Set<string>()
  for (const event of input.events) {
    if (event.kind === 'feature' && !event.default) exposed.add(event.key)
  }
  const flags = Object.entries(input.file.flags)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .flatMap(([key, flag]): StaleFlag[] => {
      const stale: StaleFlag = { key, reasons: [] }
      const { owner, expires } = flag.metadata ?? {}
      if (owner !== undefined) stale.owner = String(owner)
      const expiresAt = parseExpires(expires)
      if (expiresAt !== null && expiresAt <= input.now) {
        stale.reasons.push('expired')
        stale.expires = String(expires)
      }
      const rollout = findFullRollout(flag, input.file.$evaluators)
      const since = input.servedSince(key)
      if (rollout && since !== undefined && input.now - since >= input.rolledOutFor) {
        stale.reasons.push(rollout.variant === null ? 'rolled-back' : 'rolled-out')
        stale.since = new Date(since).toISOString()
        if (rollout.variant !== null) stale.variant = rollout.variant
      }
      if (!exposed.has(key)) stale.reasons.push('never-exposed')
      return stale.reasons.length > 0 ? [stale] : []
    })
  return { rolledOutFor: input.rolledOutFor, flags }
}
