import { act, waitFor } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { serveFlags } from '../support/flagService'
import { memoryStorage } from '../support/memoryStorage'
import { newClient } from './devtoolsHarness'

afterEach(() => {
  vi.restoreAllMocks()
  window.history.replaceState(null, '', '/')
})

test('with allowOverrides: false, a stored override changes nothing', async () => {
  serveFlags([{ key: 'new-checkout', value: false }])
  const { storage } = memoryStorage()
  const qaSession = newClient({ storage, allowOverrides: true })
  // The override layer loads lazily: retried until the QA session has stored its override.
  await waitFor(() => {
    qaSession.setOverride('new-checkout', true)
    expect(qaSession.evaluate('new-checkout', false).value).toBe(true)
  })

  const client = newClient({ storage, allowOverrides: false })
  await act(() => client.start())
  expect(client.evaluate('new-checkout', false)).toMatchObject({ value: false, source: 'network' })
  expect(client.getState().overrides).toEqual({})
})

test('with allowOverrides: false, a vexil URL parameter changes nothing', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  serveFlags([{ key: 'new-checkout', value: false }])
  window.history.replaceState(null, '', '/?vexil=new-checkout:true')
  const allowed = newClient({ allowOverrides: true, overrides: { fromUrl: true } })
  await act(() => allowed.start())
  // The same page with overrides allowed does apply it, so the parameter itself is well-formed.
  await waitFor(() => expect(allowed.evaluate('new-checkout', false).value).toBe(true))

  const client = newClient({ allowOverrides: false, overrides: { fromUrl: true } })
  await act(() => client.start())
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(client.evaluate('new-checkout', false)).toMatchObject({ value: false, source: 'network' })
  expect(client.getState().overrides).toEqual({})
})
