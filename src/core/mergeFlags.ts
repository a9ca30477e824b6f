import { isEqualJson } from './isEqualJson'
import type { EvaluatedFlag, FlagMap } from './types'

/**
 * Builds the next flag map, reusing the previous entry object for every flag whose answer did
 * not change, and the previous map itself when nothing changed, so selectors see no change.
 */
export function mergeFlags(previous: FlagMap, next: readonly EvaluatedFlag[]): FlagMap {
  const merged: Record<string, EvaluatedFlag> = Object.create(null)
  let changed = Object.keys(previous).length !== next.length
  for (const flag of next) {
    const before = previous[flag.key]
    if (before !== undefined && isEqualJson(before, flag)) {
      merged[flag.key] = before
    } else {
      merged[flag.key] = flag
      changed = true
    }
  }
  return changed ? merged : previous
}

/** A map by flag key without a prototype, so a key such as `constructor` is just a key. */
export function emptyFlagMap<Entry extends EvaluatedFlag = EvaluatedFlag>(): Readonly<
  Record<string, Entry>
> {
  return Object.create(null)
}
