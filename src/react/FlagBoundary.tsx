import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import type { FlagKey } from 'vexil/core'
import { PinOnError } from './PinOnError'
import { useFlagClient } from './useFlagClient'

export interface FlagBoundaryProps {
  /** The flag whose variant the children render. */
  flag: FlagKey
  children?: ReactNode
  /**
   * The default variant's UI, shown once the flag is pinned. Without it the children render again
   * and read the flag's default. Errors it throws reach the next error boundary.
   */
  fallback?: ReactNode
}

/**
 * The render-error kill switch: when the children throw while a variant of `flag` is on screen,
 * reports the error (collector, `onFlagError`) and pins the flag to its default for the rest of
 * the page session, so this user gets the default's UI instead of a broken page.
 * @example
 * <FlagBoundary flag="new-checkout" fallback={<ClassicCheckout />}>
 *   <Checkout />
 * </FlagBoundary>
 */
export function FlagBoundary({ flag, children, fallback }: FlagBoundaryProps) {
  const client = useFlagClient()
  const pinned = useStore(client, (state) => state.pins[flag] !== undefined)
  if (pinned && fallback !== undefined) return <>{fallback}</>
  // A new catcher once pinned: the children get a fresh try, now reading the default.
  return (
    <PinOnError key={String(pinned)} client={client} flag={flag}>
      {children}
    </PinOnError>
  )
}
