import { act } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { mountFlagDevtools } from 'vexil/devtools/production'
import { serveFlags } from '../support/flagService'
import { devtools, flagFact, mountDevtools, newClient } from './devtoolsHarness'

afterEach(() => vi.restoreAllMocks())

test('the devtools live in one fixed-position host element with a shadow root', async () => {
  serveFlags([{ key: 'theme', value: 'dark' }])
  await mountDevtools(newClient())
  const hosts = document.body.querySelectorAll('vexil-devtools')
  expect(hosts).toHaveLength(1)
  expect(hosts[0]!.shadowRoot).not.toBeNull()
  expect(getComputedStyle(hosts[0]!).position).toBe('fixed')
  expect(document.body.querySelectorAll('button, [role="dialog"]')).toHaveLength(0)
})

test('styles go into the shadow root with the nonce, and nothing is added to document.head', async () => {
  serveFlags([{ key: 'theme', value: 'dark' }])
  const headBefore = document.head.innerHTML
  await mountDevtools(newClient(), { styleNonce: 'r4nd0m' })
  const shadowRoot = document.querySelector('vexil-devtools')!.shadowRoot!
  const styles = [...shadowRoot.querySelectorAll('style')]
  expect(styles.length).toBeGreaterThanOrEqual(2)
  expect(styles.map((style) => style.nonce)).toEqual(styles.map(() => 'r4nd0m'))
  expect(document.head.innerHTML).toBe(headBefore)
  expect(document.querySelectorAll('style')).toHaveLength(0)
})

test('no element of the panel carries an inline event handler attribute', async () => {
  serveFlags([
    { key: 'new-checkout', value: true },
    { key: 'theme', value: 'dark' },
  ])
  await mountDevtools(newClient())
  const elements = document.querySelector('vexil-devtools')!.shadowRoot!.querySelectorAll('*')
  const handlers = [...elements].flatMap((element) =>
    element.getAttributeNames().filter((name) => name.startsWith('on')),
  )
  expect(handlers).toEqual([])
})

test('a second mount is refused with a warning that says what to do', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  serveFlags([])
  const client = newClient()
  await mountDevtools(client, { open: false })
  const unmountSecond = mountFlagDevtools(client)
  expect(document.querySelectorAll('vexil-devtools')).toHaveLength(1)
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('already mounted'))
  unmountSecond()
  expect(document.querySelectorAll('vexil-devtools')).toHaveLength(1)
})

test('unmounting removes the host and stops listening for the shortcut', async () => {
  serveFlags([])
  const { unmount } = await mountDevtools(newClient())
  act(() => unmount())
  expect(document.querySelector('vexil-devtools')).toBeNull()
})

test('hostile flag keys and values render as inert text', async () => {
  const hostileKey = '<img src=x onerror=alert(1)>'
  const longValue = 'x'.repeat(100_000)
  let deep: unknown = 'bottom'
  for (let level = 0; level < 200; level++) deep = { level: deep }
  serveFlags([
    { key: hostileKey, value: '<script>alert(2)</script>', variant: '<b onmouseover=alert(3)>' },
    { key: 'long', value: longValue },
    { key: 'deep', value: deep as Record<string, never> },
  ])
  await mountDevtools(newClient())
  const shadowRoot = document.querySelector('vexil-devtools')!.shadowRoot!
  expect(shadowRoot.querySelectorAll('img, script, b')).toHaveLength(0)
  expect(devtools().getByText(hostileKey)).toBeDefined()
  expect(flagFact(hostileKey, 'Value')).toBe('"<script>alert(2)</script>"')
  expect(flagFact(hostileKey, 'Variant')).toBe('<b onmouseover=alert(3)>')
  expect(flagFact('long', 'Value')).toHaveLength(301)
  expect(flagFact('deep', 'Value')).toMatch(/^\{"level":\{"level":.*…$/)
})
