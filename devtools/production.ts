import { createDevtoolsComponent } from './createDevtoolsComponent'
import type { FlagClient } from 'vexil/core'
import type { DevtoolsOptions } from './DevtoolsOptions'
import { mountDevtools } from './mountDevtools'

export type { FlagDevtoolsProps } from './createDevtoolsComponent'
export type { DevtoolsOptions, DevtoolsPosition } from './DevtoolsOptions'

/**
 * Mounts the flag devtools outside React, in any build (for staging builds that opt in): a toggle
 * button and `Ctrl/Cmd+Shift+F` open a panel, downloaded on first open, in a shadow root on
 * `document.body`. Returns a function that removes them.
 * @example
 * const unmount = mountFlagDevtools(client, { position: 'bottom-left' })
 */
export function mountFlagDevtools(client: FlagClient, options: DevtoolsOptions = {}): () => void {
  return mountDevtools(client, options, () => import('./panel/mountPanel'))
}

/**
 * The flag devtools as a component, in any build (for staging builds that opt in). Renders
 * nothing in the page's own tree: the panel lives in a shadow root on `document.body`.
 * @example
 * <FlagProvider client={client}>
 *   <App />
 *   <FlagDevtools position="bottom-left" />
 * </FlagProvider>
 */
export const FlagDevtools = createDevtoolsComponent(mountFlagDevtools)
