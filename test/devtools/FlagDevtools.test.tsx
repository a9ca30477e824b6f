import { act, render } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, expect, test, vi } from 'vitest'
import { FlagProvider } from 'vexil'
import { FlagDevtools, mountFlagDevtools } from 'vexil/devtools'
import { FlagDevtools as ProductionFlagDevtools } from 'vexil/devtools/production'
import { serveFlags } from '../support/flagService'
import { devtools, newClient, panelLoad } from './devtoolsHarness'

afterEach(() => vi.unstubAllEnvs())

test('<FlagDevtools /> inspects the client of the nearest provider, StrictMode included', async () => {
  serveFlags([{ key: 'theme', value: 'dark' }])
  const client = newClient()
  render(
    <StrictMode>
      <FlagProvider client={client}>
        <ProductionFlagDevtools initialIsOpen />
      </FlagProvider>
    </StrictMode>,
  )
  expect(await devtools().findByRole('listitem', { name: 'theme' }, panelLoad)).toBeDefined()
  expect(document.querySelectorAll('vexil-devtools')).toHaveLength(1)
})

test('<FlagDevtools client={client} /> needs no provider, and unmounting removes it', async () => {
  serveFlags([{ key: 'theme', value: 'dark' }])
  const client = newClient()
  await act(() => client.start())
  const view = render(<ProductionFlagDevtools client={client} position="top-left" />)
  const host = document.querySelector('vexil-devtools')!
  expect(host.getAttribute('data-position')).toBe('top-left')
  view.unmount()
  expect(document.querySelector('vexil-devtools')).toBeNull()
})

test('vexil/devtools renders nothing and mounts nothing unless NODE_ENV is development', () => {
  vi.stubEnv('NODE_ENV', 'production')
  const client = newClient()
  render(<FlagDevtools client={client} />)
  const unmount = mountFlagDevtools(client)
  expect(document.querySelector('vexil-devtools')).toBeNull()
  unmount()
})

test('vexil/devtools mounts the devtools in development', () => {
  vi.stubEnv('NODE_ENV', 'development')
  const client = newClient()
  const view = render(<FlagDevtools client={client} />)
  expect(devtools().getByRole('button', { name: 'Open flag devtools' })).toBeDefined()
  view.unmount()
})
