import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { FlagProvider } from 'vexil'
import type { EvaluationContext, FlagClientError, FlagStatus } from 'vexil/core'
import { createTestFlagClient } from './createTestFlagClient'
import type { TestFlags } from './TestFlag'

export interface TestFlagProviderProps {
  /** The flags the hooks below read; a change (by value) re-renders only the changed flags' readers. */
  flags?: TestFlags
  /** @default 'ready' */
  status?: FlagStatus
  /** Why the service failed, with `status="error"`. @default a `server` error (503) */
  error?: FlagClientError
  context?: EvaluationContext
  children?: ReactNode
}

/**
 * A `<FlagProvider>` over a test client: no network, the given flags from the first render.
 * @example
 * render(<TestFlagProvider flags={{ 'new-checkout': true }}><Checkout /></TestFlagProvider>)
 */
export function TestFlagProvider({
  flags = {},
  status,
  error,
  context,
  children,
}: TestFlagProviderProps) {
  const [client] = useState(() => createTestFlagClient({ flags, status, error, context }))
  // By value: a new object with the same flags on every render must not update anything.
  const served = JSON.stringify(flags)
  useEffect(() => client.setFlags(JSON.parse(served)), [client, served])
  useEffect(() => client.setStatus(status ?? 'ready', error), [client, status, error])
  return (
    <FlagProvider client={client} context={context}>
      {children}
    </FlagProvider>
  )
}
