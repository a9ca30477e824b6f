import type { FlagValue, WidenFlagValue } from 'vexil/core'
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
export function useFlag<T extends FlagValue>(
  key: string,
  defaultValue: T,
  options?: ReadOptions,
): WidenFlagValue<T> {
  return useFlagDetails(key, defaultValue, options).value
}
