import type { FlagDefault, FlagKey, FlagResult } from 'vexil/core'
import type { ReadOptions } from './useExposure'
import { useFlag } from './useFlag'
import { useFlagClient } from './useFlagClient'
import { waitForFirstAnswer } from './waitForFirstAnswer'

export interface SuspenseReadOptions extends ReadOptions {
  /**
   * How long to suspend at most before rendering the default, if the service does not answer.
   * @default 3000
   */
  timeoutMs?: number
}

/**
 * `useFlag` for a `<Suspense>` boundary: suspends until the first answer (or cached values) for
 * this client, so the first paint shows real values; background refetches and context switches never
 * suspend again. After `timeoutMs` without an answer it renders the default.
 * @example
 * <Suspense fallback={<Spinner />}><Checkout /></Suspense>
 * function Checkout() { return useSuspenseFlag('new-checkout', false) ? <New /> : <Classic /> }
 */
export function useSuspenseFlag<Key extends FlagKey, Default extends FlagDefault<Key>>(
  key: Key,
  defaultValue: Default,
  { timeoutMs = 3_000, ...options }: SuspenseReadOptions = {},
): FlagResult<Key, Default> {
  const client = useFlagClient()
  const wait = waitForFirstAnswer(client, timeoutMs)
  if (!wait.settled) {
    // A boundary above the provider would keep its start effect from ever running.
    void client.start()
    throw wait.promise
  }
  return useFlag(key, defaultValue, options)
}
