import { useEffect } from 'react'
import type { ReactNode } from 'react'
import type { EvaluationContext, FlagClient } from 'vexil/core'
import { FlagClientContext } from './FlagClientContext'
import { retainClient } from './retainClient'

export interface FlagProviderProps {
  /** A client from `createFlagClient`, created once (outside the component or in a `useState` initializer). */
  client: FlagClient
  /**
   * Who to evaluate for; a change (by value, not identity) calls `client.setContext`, so the
   * previous values stay on screen as `stale` until the new ones arrive.
   * @example <FlagProvider client={client} context={{ targetingKey: user.id, plan: user.plan }}>
   */
  context?: EvaluationContext
  children?: ReactNode
}

/**
 * Makes `client` available to the flag hooks below it and starts it while mounted.
 * @example
 * <FlagProvider client={client}>
 *   <App />
 * </FlagProvider>
 */
export function FlagProvider({ client, context, children }: FlagProviderProps) {
  if (typeof client?.subscribe !== 'function' || typeof client.start !== 'function') {
    throw new TypeError(
      '[vexil] <FlagProvider> needs a `client` prop: create one with createFlagClient({ baseUrl }) and pass it as <FlagProvider client={client}>.',
    )
  }
  // Before the start effect, so the first request is already for this context.
  useEffect(() => {
    if (context !== undefined) void client.setContext(context)
  }, [client, context])
  useEffect(() => retainClient(client), [client])
  return <FlagClientContext.Provider value={client}>{children}</FlagClientContext.Provider>
}
