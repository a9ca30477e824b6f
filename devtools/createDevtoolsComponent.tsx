import { useEffect } from 'react'
import { useFlagClient } from 'vexil'
import type { FlagClient } from 'vexil/core'
import type { DevtoolsOptions } from './DevtoolsOptions'

export interface FlagDevtoolsProps extends DevtoolsOptions {
  /** The client to inspect; by default the one of the nearest `<FlagProvider>`. */
  client?: FlagClient
}

type Mount = (client: FlagClient, options: DevtoolsOptions) => () => void

/** `<FlagDevtools />` over an entry's own mount function. */
export function createDevtoolsComponent(mount: Mount) {
  function MountedDevtools({ client, ...options }: DevtoolsOptions & { client: FlagClient }) {
    const { position, shortcut, styleNonce, initialIsOpen, theme } = options
    useEffect(
      () => mount(client, { position, shortcut, styleNonce, initialIsOpen, theme }),
      [client, position, shortcut, styleNonce, initialIsOpen, theme],
    )
    return null
  }

  function ProviderDevtools(options: DevtoolsOptions) {
    return <MountedDevtools client={useFlagClient()} {...options} />
  }

  return function FlagDevtools({ client, ...options }: FlagDevtoolsProps) {
    return client ? (
      <MountedDevtools client={client} {...options} />
    ) : (
      <ProviderDevtools {...options} />
    )
  }
}
