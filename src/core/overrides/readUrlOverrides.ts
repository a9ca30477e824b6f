import { warnOnce } from '../warnOnce'
import { parseOverrideParam } from './parseOverrideParam'
import type { FlagValue } from '../types'

/** Overrides from the page's `?vexil=` parameter; malformed entries are skipped and named. */
export function readUrlOverrides(): Record<string, FlagValue> {
  const search = globalThis.location?.search
  const param = search ? new URLSearchParams(search).get('vexil') : null
  if (!param) return {}
  const { overrides, skipped } = parseOverrideParam(param)
  if (process.env.NODE_ENV !== 'production') {
    for (const entry of skipped)
      warnOnce(`skipped the URL override "${entry}": expected key:value.`)
  }
  return overrides
}
