import type { ReactNode } from 'react'
import type { FlagKey } from 'vexil/core'
import type { ReadOptions } from './useExposure'
import { useVariant } from './useVariant'

export interface FlagProps extends ReadOptions {
  /** The flag to read; its children render when its value is truthy. */
  name: FlagKey
  children?: ReactNode
  /** What renders otherwise, while loading included. */
  fallback?: ReactNode
}

/**
 * Renders its children when a flag is on, reporting the exposure like the hooks do.
 * @example <Flag name="new-checkout" fallback={<ClassicCheckout />}><NewCheckout /></Flag>
 */
export function Flag({ name, children, fallback = null, expose }: FlagProps) {
  const { value } = useVariant(name, { expose })
  return <>{value ? children : fallback}</>
}
