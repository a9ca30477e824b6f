import { act, configure, screen, waitFor, within } from '@testing-library/react'
import { afterEach } from 'vitest'
import { createFlagClient } from 'vexil'
import type { FlagClient, FlagClientOptions } from 'vexil'
import { mountFlagDevtools } from 'vexil/devtools/production'
import type { DevtoolsOptions } from 'vexil/devtools/production'
import { baseUrl } from '../support/flagService'
import { memoryStorage } from '../support/memoryStorage'

// Testing Library cannot print a shadow root in its error messages; the message alone will do.
configure({ getElementError: (message) => new Error(message ?? 'element not found') })

const cleanups: (() => void)[] = []
afterEach(async () => {
  cleanups.splice(0).forEach((cleanup) => cleanup())
  // The panel unmounts asynchronously after its host is removed.
  await new Promise((resolve) => setTimeout(resolve))
})

export function newClient(options: Partial<FlagClientOptions> = {}): FlagClient {
  const client = createFlagClient({
    baseUrl,
    context: { targetingKey: 'user-1' },
    storage: memoryStorage().storage,
    changeDetection: 'none',
    ...options,
  })
  cleanups.push(() => client.close())
  return client
}

/** The devtools' shadow root, queried like a screen. */
export function devtools() {
  const host = document.querySelector('vexil-devtools')
  if (host?.shadowRoot == null) throw new Error('the devtools are not mounted')
  return within(host.shadowRoot as unknown as HTMLElement)
}

/** The first open of a test file waits for vitest to transform the lazy panel chunk. */
export const panelLoad = { timeout: 5_000 }

/** Mounts the devtools for a started client; `open` waits for the lazy panel to appear. */
export async function mountDevtools(
  client: FlagClient,
  { open = true, ...options }: DevtoolsOptions & { open?: boolean } = {},
) {
  await act(() => client.start())
  if (client.allowOverrides) await overridesReady(client)
  const unmount = await act(() => mountFlagDevtools(client, options))
  cleanups.push(unmount)
  if (open) {
    await act(() => devtools().getByRole('button', { name: 'Open flag devtools' }).click())
    await devtools().findByRole('dialog', { name: 'Flag devtools' }, panelLoad)
  }
  return { unmount }
}

/** The client loads its override layer lazily; this waits until overrides apply. */
async function overridesReady(client: FlagClient) {
  const probe = 'devtools-harness-probe'
  await waitFor(() => {
    client.setOverride(probe, true)
    if (client.getState().overrides[probe] === undefined) throw new Error('overrides not ready')
  })
  client.removeOverride(probe)
}

/** The list item of one flag in the open panel. */
export function flagRow(key: string) {
  return within(devtools().getByRole('listitem', { name: key }))
}

/** The text shown for one fact (Value, Variant, Reason, Source, …) of a flag. */
export function flagFact(key: string, fact: string): string | null | undefined {
  return flagRow(key).getByText(fact, { selector: 'dt' }).nextElementSibling?.textContent
}

export { screen, waitFor }
