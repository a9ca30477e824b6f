import type { FlagClient } from 'vexil/core'
import { createDevtoolsComponent } from './createDevtoolsComponent'
import type { FlagDevtoolsProps } from './createDevtoolsComponent'
import type { DevtoolsOptions } from './DevtoolsOptions'
import { mountDevtools } from './mountDevtools'

export type { FlagDevtoolsProps } from './createDevtoolsComponent'
export type { DevtoolsOptions, DevtoolsPosition } from './DevtoolsOptions'

// Every check below is a constant once a bundler defines NODE_ENV, so a production build drops
// the devtools, and the panel's dynamic import with them (it sits inside the check on purpose:
// bundlers emit the chunk of any import() they see). Staging builds opt in with
// `vexil/devtools/production`.

/**
 * Mounts the flag devtools outside React, in development builds only
 * (`process.env.NODE_ENV === 'development'`); elsewhere it does nothing. Returns a function that
 * removes them.
 * @example
 * const unmount = mountFlagDevtools(client)
 */
export function mountFlagDevtools(client: FlagClient, options: DevtoolsOptions = {}): () => void {
  return process.env.NODE_ENV === 'development'
    ? mountDevtools(client, options, () => import('./panel/mountPanel'))
    : () => {}
}

const DevelopmentDevtools = /* @__PURE__ */ createDevtoolsComponent(mountFlagDevtools)

/**
 * The flag devtools, in development builds only (`process.env.NODE_ENV === 'development'`);
 * elsewhere it renders nothing and adds nothing to the bundle. A toggle button and
 * `Ctrl/Cmd+Shift+F` open a panel to inspect every flag, force values, share them by link and
 * follow exposures.
 * @example
 * <FlagProvider client={client}>
 *   <App />
 *   <FlagDevtools />
 * </FlagProvider>
 */
export function FlagDevtools(props: FlagDevtoolsProps) {
  return process.env.NODE_ENV === 'development' ? <DevelopmentDevtools {...props} /> : null
}
