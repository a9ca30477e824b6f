import { isJsonObject } from '../flagDefinition'
import type { JsonValue } from '../flagDefinition'

const dayMs = 86_400_000
const datePattern = /^(\d{4})-(\d{2})-(\d{2})/
// A time without a zone would mean a different instant on every machine, so a zone is required.
const timePattern = /^T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/**
 * When a flag's kill date (`metadata.expires`) has passed, in ms since the epoch: the end of the
 * day, UTC, for an ISO 8601 date (`2026-12-31`), or the instant of a date-time with a zone
 * (`2026-12-31T17:00:00Z`). `null` when it is neither.
 */
export function parseExpires(expires: JsonValue | undefined): number | null {
  if (typeof expires !== 'string') return null
  const date = datePattern.exec(expires)
  if (!date) return null
  const [day, year, month, dayOfMonth] = date
  const midnight = Date.UTC(Number(year), Number(month) - 1, Number(dayOfMonth))
  // Date.UTC and Date.parse roll 2026-02-30 over into March; a day that does not exist is a typo.
  if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== day) return null
  const time = expires.slice(day.length)
  if (time === '') return midnight + dayMs
  if (!timePattern.test(time)) return null
  const instant = Date.parse(expires)
  return Number.isNaN(instant) ? null : instant
}

/** The flag-file problem with a flag's `metadata.expires`, if it has one. */
export function findExpiresProblem(metadata: JsonValue | undefined): string | undefined {
  if (!isJsonObject(metadata) || metadata.expires === undefined) return undefined
  if (parseExpires(metadata.expires) !== null) return undefined
  return `metadata "expires" (the kill date) must be an ISO 8601 date like "2026-12-31" or a date-time with a zone like "2026-12-31T17:00:00Z", not ${JSON.stringify(metadata.expires)}`
}
