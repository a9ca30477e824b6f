const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/**
 * Reads a duration written as `"250ms"`, `"30s"`, `"10m"`, `"2h"`, `"1d"` or a number of
 * milliseconds. `undefined` when it is none of these (or negative).
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? value : undefined
  }
  if (typeof value !== 'string') return undefined
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value.trim())
  if (!match) return undefined
  return Number(match[1]) * (units[match[2] as string] as number)
}
