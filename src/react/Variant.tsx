import type { ReactNode } from 'react'
import type { FlagKey } from 'vexil/core'
import type { ReadOptions } from './useExposure'
import { useVariant } from './useVariant'

export interface VariantProps extends ReadOptions {
  /** The multivariate flag (an experiment) to read. */
  flag: FlagKey
  /** Render `children` only in this variant. */
  is?: string
  /** Or render the element of whichever variant this user is in. */
  match?: Readonly<Record<string, ReactNode>>
  children?: ReactNode
  /** What renders when no variant matches, while loading included. */
  fallback?: ReactNode
}

/**
 * Renders by variant, reporting the exposure like the hooks do.
 * @example
 * <Variant flag="checkout-experiment" is="paypal"><PayPalButton /></Variant>
 * <Variant flag="checkout-experiment" match={{ visa: <Visa />, paypal: <PayPal /> }} fallback={<Card />} />
 */
export function Variant({ flag, is, match, children, fallback = null, expose }: VariantProps) {
  const { variant } = useVariant(flag, { expose })
  if (variant === undefined) return <>{fallback}</>
  if (match !== undefined) {
    return <>{Object.prototype.hasOwnProperty.call(match, variant) ? match[variant] : fallback}</>
  }
  return <>{variant === is ? children : fallback}</>
}
