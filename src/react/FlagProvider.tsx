import { useEffect } from 'react'
import type { ReactNode } from 'react'
import type { FlagClient } from 'vexil/core'
import { FlagClientContext } from './FlagClientContext'
import { retainClient } from './retainClient'

export interface FlagProviderProps {
  /** A client from `createFlagClient`, created once (outside the component or in a `useState` initializer). */
  client: FlagClient
  children?: ReactNode
}

/**
 * Makes `client` available to the flag hooks below it and starts it while mounted.
 * @example
 * <FlagProvider client={client}>
 *   <App />
 * </FlagProvider>
 */
export function FlagProvider({ client, children }: FlagProviderProps) {
  if (typeof client?.subscribe !== 'function' || typeof client.start !== 'function') {
    throw new TypeError(
      '[vexil] <FlagProvider> needs a `client` prop: create one with createFlagClient({ baseUrl }) and pass it as <FlagProvider client={client}>.',
    )
  }
  useEffect(() => retainClient(client), [client])
  return <FlagClientContext.Provider value={client}>{children}</FlagClientContext.Provider>
}
