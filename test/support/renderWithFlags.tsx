import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createFlagClient, FlagProvider } from 'vexil'
import type { FlagClientOptions } from 'vexil'
import { baseUrl } from './flagService'

/** Renders `ui` under a provider whose client talks to the msw flag service. */
export function renderWithFlags(ui: ReactNode, options: Partial<FlagClientOptions> = {}) {
  const client = createFlagClient({ baseUrl, context: { targetingKey: 'user-1' }, ...options })
  const view = render(<FlagProvider client={client}>{ui}</FlagProvider>)
  return { client, ...view }
}
