import type { EvaluatedFlag, FlagClientState } from './types'

/** What a read of `key` sees: an override wins over every answer from the service. */
export function readFlag(
  state: Pick<FlagClientState, 'flags' | 'overrides'>,
  key: string,
): EvaluatedFlag | undefined {
  return state.overrides[key] ?? state.flags[key]
}

/** The keys whose reads differ between two states, overrides included: what a `change` reports. */
export function changedFlagKeys(
  state: Pick<FlagClientState, 'flags' | 'overrides'>,
  previous: Pick<FlagClientState, 'flags' | 'overrides'>,
): string[] {
  if (state.flags === previous.flags && state.overrides === previous.overrides) return []
  const keys = new Set([
    ...Object.keys(state.flags),
    ...Object.keys(previous.flags),
    ...Object.keys(state.overrides),
    ...Object.keys(previous.overrides),
  ])
  return [...keys].filter((key) => readFlag(state, key) !== readFlag(previous, key))
}
