import type { EvaluatedFlag, FlagMap } from 'vexil/core'
import type { TestFlag, TestFlags } from './TestFlag'
import { toFlagItem } from './toFlagItem'

export const noFlags: FlagMap = /* @__PURE__ */ Object.freeze(Object.create(null))

/**
 * The next answer from the service, reusing every unchanged entry (and the map itself when
 * nothing changed), so only the readers of a changed flag re-render.
 */
export function serveFlags(previous: FlagMap, next: readonly EvaluatedFlag[]): FlagMap {
  const served: Record<string, EvaluatedFlag> = Object.create(null)
  let changed = Object.keys(previous).length !== next.length
  for (const entry of next) {
    const before = previous[entry.key]
    const same = before !== undefined && JSON.stringify(before) === JSON.stringify(entry)
    served[entry.key] = same ? before : entry
    if (!same) changed = true
  }
  return changed ? served : previous
}

export function toServedFlag(key: string, flag: TestFlag): EvaluatedFlag {
  return { ...toFlagItem(key, flag), source: 'network' }
}

export function toServedFlags(flags: TestFlags): EvaluatedFlag[] {
  return Object.entries(flags).flatMap(([key, flag]) =>
    flag === undefined ? [] : [toServedFlag(key, flag)],
  )
}
