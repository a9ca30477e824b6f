import type { FlagClient } from 'vexil/core'
import { useFlagClient } from './useFlagClient'

/**
 * Returns a stable function that records a conversion for the current user.
 * @example
 * const track = useTrack()
 * <button onClick={() => track('checkout-completed', { value: total })}>Pay</button>
 */
export function useTrack(): FlagClient['track'] {
  return useFlagClient().track
}
