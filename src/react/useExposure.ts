import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { FlagClient, FlagEvaluation, FlagValue } from 'vexil/core'

export interface ReadOptions {
  /**
   * Whether this read counts as an exposure once it commits. Pass `false` for reads that do not
   * reach the screen (prefetching, analytics, logic).
   * @default true
   */
  expose?: boolean
}

/**
 * Reports an evaluation as seen after the component commits, never during render, so StrictMode,
 * concurrent rendering and re-renders cannot inflate the count.
 */
export function useExposure(
  client: FlagClient,
  evaluation: FlagEvaluation<FlagValue | undefined>,
  { expose = true }: ReadOptions = {},
): void {
  // Whom the values belong to: the same variant shown to the next user is their own exposure.
  const evaluatedContext = useStore(client, (state) => state.evaluatedContext)
  useEffect(() => {
    if (expose) client.expose(evaluation)
  }, [client, evaluation, evaluatedContext, expose])
}
