import { useMemo } from 'react'
import { evaluateFlag } from 'vexil/core'
import type { FlagSource, EvaluationReason, JsonValue } from 'vexil/core'
import { useFlagClient } from './useFlagClient'
import { useFlagEntry } from './useFlagEntry'

export interface VariantResult {
  /** The variant the service chose, `undefined` until it has answered or when the flag failed. */
  variant: string | undefined
  value: JsonValue | undefined
  reason: EvaluationReason
  source: FlagSource
}

/**
 * Reads which variant of a multivariate flag (an experiment) this user is in.
 * @example
 * const { variant } = useVariant('checkout-experiment')
 * if (variant === 'paypal') return <PayPalCheckout />
 */
export function useVariant(key: string): VariantResult {
  const [flag, loaded] = useFlagEntry(useFlagClient(), key)
  return useMemo(() => {
    const { variant, value, reason, source } = evaluateFlag(key, flag, loaded, undefined)
    return { variant, value, reason, source }
  }, [key, flag, loaded])
}
