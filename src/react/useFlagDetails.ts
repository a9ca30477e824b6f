import { useMemo } from 'react'
import { evaluateFlag } from 'vexil/core'
import type { FlagDefault, FlagEvaluation, FlagKey, FlagResult } from 'vexil/core'
import { useExposure } from './useExposure'
import type { ReadOptions } from './useExposure'
import { useFlagClient } from './useFlagClient'
import { useFlagEntry } from './useFlagEntry'

/**
 * Reads a flag with the reason for its value: `{ value, variant, reason, errorCode, source }`.
 * Never throws; falls back to `defaultValue` while loading or when the flag is missing or invalid.
 * Reports one exposure after commit unless `{ expose: false }`.
 * @example
 * const { value, reason } = useFlagDetails('new-checkout', false)
 */
export function useFlagDetails<Key extends FlagKey, Default extends FlagDefault<Key>>(
  key: Key,
  defaultValue: Default,
  options?: ReadOptions,
): FlagEvaluation<FlagResult<Key, Default>> {
  const client = useFlagClient()
  const [flag, loaded] = useFlagEntry(client, key)
  const evaluation = useMemo(
    () => evaluateFlag(key, flag, loaded, defaultValue) as FlagEvaluation<FlagResult<Key, Default>>,
    [key, flag, loaded, defaultValue],
  )
  useExposure(client, evaluation, options)
  return evaluation
}
