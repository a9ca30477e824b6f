import type { FlagMetadata } from 'vexil/core'

export interface Expiry {
  expired: boolean
  /** The kill date (as the service wrote it) and the owner, for a fact in the flag's row. */
  text: string
}

const dayMs = 24 * 60 * 60 * 1000
const isoDate = /^\d{4}-\d{2}-\d{2}$/
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/

/**
 * A flag's `expires` kill date and `owner` from its metadata, and whether the date has passed at
 * `now`. A date the panel cannot read is shown as written, never marked expired.
 */
export function readExpiry(metadata: FlagMetadata | undefined, now: number): Expiry | undefined {
  const expires = metadata?.expires
  if (typeof expires !== 'string') return undefined
  const owner = typeof metadata?.owner === 'string' ? ` · owner ${metadata.owner}` : ''
  const time = expiresAt(expires)
  if (time === undefined) return { expired: false, text: `${expires}${owner}` }
  const expired = now >= time
  return { expired, text: `${expired ? 'Expired' : 'Expires'} on ${expires}${owner}` }
}

/** When an ISO 8601 date or date-time passes; a date alone lasts until that UTC day ends. */
function expiresAt(expires: string): number | undefined {
  const dateOnly = isoDate.test(expires)
  if (!dateOnly && !isoDateTime.test(expires)) return undefined
  const date = expires.slice(0, 10)
  const day = Date.parse(`${date}T00:00:00Z`)
  // Date.parse rolls 2026-02-30 over into March: such a date is a typo, not a kill date.
  if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== date) return undefined
  const time = dateOnly ? day + dayMs : Date.parse(expires)
  return Number.isNaN(time) ? undefined : time
}
