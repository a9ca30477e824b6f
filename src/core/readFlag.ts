import type { EvaluatedFlag, FlagClientState } from './types'

/** What a read of `key` sees: an override wins over every answer from the service. */
export function readFlag(
  state: Pick<FlagClientState, 'flags' | 'overrides'>,
  key: string,
): EvaluatedFlag | undefined {
  return state.overrides[key] ?? state.flags[key]
}
