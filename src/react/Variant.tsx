import type { ReactNode } from 'react'
import type { FlagKey } from 'vexil/core'
import { PinOnError } from './PinOnError'
import type { ReadOptions } from './useExposure'
import { useFlagClient } from './useFlagClient'
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
  /**
   * When the variant's element throws while rendering, pin the flag to its default for the page
   * session and render `fallback` instead, as `<FlagBoundary>` does.
   * @default false
   */
  pinOnError?: boolean
}

/**
 * Renders by variant, reporting the exposure like the hooks do.
 * @example
 * <Variant flag="checkout-experiment" is="paypal"><PayPalButton /></Variant>
 * <Variant flag="checkout-experiment" match={{ visa: <Visa />, paypal: <PayPal /> }} fallback={<Card />} />
 */
export function Variant(props: VariantProps) {
  const { flag, is, match, children, fallback = null, expose, pinOnError = false } = props
  const client = useFlagClient()
  const { variant } = useVariant(flag, { expose })
  const matches =
    variant !== undefined &&
    (match === undefined ? variant === is : Object.prototype.hasOwnProperty.call(match, variant))
  if (!matches) return <>{fallback}</>
  const element = match === undefined ? children : match[variant]
  if (!pinOnError) return <>{element}</>
  return (
    <PinOnError client={client} flag={flag}>
      {element}
    </PinOnError>
  )
}
