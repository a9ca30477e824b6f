import { useContext } from 'react'
import type { FlagClient } from 'vexil/core'
import { FlagClientContext } from './FlagClientContext'

/** The client of the nearest `<FlagProvider>`, for `refresh()`, `setContext()` and the like. */
export function useFlagClient(): FlagClient {
  const client = useContext(FlagClientContext)
  if (client === null) {
    throw new Error(
      "[vexil] a flag hook was called outside <FlagProvider>. Wrap the app (or this component's test) in <FlagProvider client={createFlagClient({ baseUrl })}>.",
    )
  }
  return client
}
