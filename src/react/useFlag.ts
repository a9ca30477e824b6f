import type { FlagDefault, FlagKey, FlagResult } from 'vexil/core'
import type { ReadOptions } from './useExposure'
import { useFlagDetails } from './useFlagDetails'

/**
 * Reads a flag's value as the type of `defaultValue`, which is also what it returns while loading
 * or when the service is down, the flag is missing or its value has another type. Reports one
 * exposure after commit unless `{ expose: false }`.
 * @example
 * const showNewCheckout = useFlag('new-checkout', false)
 * const theme = useFlag('theme', 'light')
 */
export function useFlag<Key extends FlagKey, Default extends FlagDefault<Key>>(
  key: Key,
  defaultValue: Default,
  options?: ReadOptions,
): FlagResult<Key, Default> {
  return useFlagDetails(key, defaultValue, options).value
}
