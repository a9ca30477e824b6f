import { useMemo } from 'react'
import { evaluateFlag } from 'vexil/core'
import type { EvaluationReason, FlagKey, FlagSource, FlagVariantValue, JsonValue } from 'vexil/core'
import { useExposure } from './useExposure'
import type { ReadOptions } from './useExposure'
import { useFlagClient } from './useFlagClient'
import { useFlagEntry } from './useFlagEntry'

export interface VariantResult<Value = JsonValue> {
  /** The variant the service chose, `undefined` until it has answered or when the flag failed. */
  variant: string | undefined
  value: Value | undefined
  reason: EvaluationReason
  source: FlagSource
}

/**
 * Reads which variant of a multivariate flag (an experiment) this user is in, and reports the
 * exposure after commit unless `{ expose: false }`.
 * @example
 * const { variant } = useVariant('checkout-experiment')
 * if (variant === 'paypal') return <PayPalCheckout />
 */
export function useVariant<Key extends FlagKey>(
  key: Key,
  options?: ReadOptions,
): VariantResult<FlagVariantValue<Key>> {
  const client = useFlagClient()
  const [flag, loaded] = useFlagEntry(client, key)
  const evaluation = useMemo(() => evaluateFlag(key, flag, loaded, undefined), [key, flag, loaded])
  useExposure(client, evaluation, options)
  return useMemo(() => {
    const { variant, value, reason, source } = evaluation
    return { variant, value: value as FlagVariantValue<Key> | undefined, reason, source }
  }, [evaluation])
}
