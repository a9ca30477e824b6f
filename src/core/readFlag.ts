import type { EvaluatedFlag, FlagClientState } from './types'

type Layers = Pick<FlagClientState, 'flags' | 'overrides' | 'pins'>

/**
 * What a read of `key` sees: a pin (the flag failed on this page) wins over an override, which
 * wins over every answer from the service.
 */
export function readFlag(state: Layers, key: string): EvaluatedFlag | undefined {
  return state.pins[key] ?? state.overrides[key] ?? state.flags[key]
}

/** The keys whose reads differ between two states, overrides and pins included: what a `change` reports. */
export function changedFlagKeys(state: Layers, previous: Layers): string[] {
  const layers = ['flags', 'overrides', 'pins'] as const
  if (layers.every((layer) => state[layer] === previous[layer])) return []
  const keys = new Set(
    layers.flatMap((layer) => [...Object.keys(state[layer]), ...Object.keys(previous[layer])]),
  )
  return [...keys].filter((key) => readFlag(state, key) !== readFlag(previous, key))
}
