import type { ReactNode } from 'react'
import type { FlagKey } from 'vexil/core'
import { PinOnError } from './PinOnError'
import type { ReadOptions } from './useExposure'
import { useFlagClient } from './useFlagClient'
import { useVariant } from './useVariant'

export interface FlagProps extends ReadOptions {
  /** The flag to read; its children render when its value is truthy. */
  name: FlagKey
  children?: ReactNode
  /** What renders otherwise, while loading included. */
  fallback?: ReactNode
  /**
   * When the children throw while rendering, pin the flag to its default for the page session and
   * render `fallback` instead, as `<FlagBoundary>` does.
   * @default false
   */
  pinOnError?: boolean
}

/**
 * Renders its children when a flag is on, reporting the exposure like the hooks do.
 * @example <Flag name="new-checkout" fallback={<ClassicCheckout />}><NewCheckout /></Flag>
 */
export function Flag({ name, children, fallback = null, expose, pinOnError = false }: FlagProps) {
  const client = useFlagClient()
  const { value } = useVariant(name, { expose })
  if (!value) return <>{fallback}</>
  if (!pinOnError) return <>{children}</>
  return (
    <PinOnError client={client} flag={name}>
      {children}
    </PinOnError>
  )
}
