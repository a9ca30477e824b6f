import { act, fireEvent, waitFor } from '@testing-library/react'
import { expect, test } from 'vitest'
import { serveFlags } from '../support/flagService'
import { devtools, flagFact, mountDevtools, newClient, panelLoad } from './devtoolsHarness'

const shopFlags = [
  { key: 'new-checkout', value: true, variant: 'on', reason: 'TARGETING_MATCH' },
  { key: 'theme', value: 'dark', variant: 'dark', reason: 'STATIC' },
  { key: 'max-items', value: 7, variant: 'seven', reason: 'DEFAULT' },
  { key: 'pro-limits', value: { daily: 3 }, variant: 'free', reason: 'DEFAULT' },
]

function pressShortcut(init: KeyboardEventInit = {}) {
  fireEvent.keyDown(window, { key: 'F', code: 'KeyF', ctrlKey: true, shiftKey: true, ...init })
}

test('the toggle opens a panel that lists every flag with its value, variant, reason and source', async () => {
  serveFlags(shopFlags)
  await mountDevtools(newClient())
  expect(devtools().getByText('4 flags')).toBeDefined()
  expect(flagFact('theme', 'Value')).toBe('"dark"')
  expect(flagFact('theme', 'Variant')).toBe('dark')
  expect(flagFact('theme', 'Reason')).toBe('STATIC')
  expect(flagFact('theme', 'Source')).toBe('network')
})

test('the panel is not downloaded or rendered until it is first opened', async () => {
  serveFlags(shopFlags)
  await mountDevtools(newClient(), { open: false })
  const toggle = devtools().getByRole('button', { name: 'Open flag devtools' })
  expect(toggle.getAttribute('aria-expanded')).toBe('false')
  expect(devtools().queryByRole('dialog')).toBeNull()
})

test('Ctrl+Shift+F opens the panel with focus in it, and again closes it with focus back on the toggle', async () => {
  serveFlags(shopFlags)
  await mountDevtools(newClient(), { open: false })
  act(() => pressShortcut())
  const search = await devtools().findByRole('searchbox', { name: 'Search flags' }, panelLoad)
  await waitFor(() => expect(search.matches(':focus')).toBe(true))
  act(() => pressShortcut())
  await waitFor(() => expect(devtools().queryByRole('dialog')).toBeNull())
  const toggle = devtools().getByRole('button', { name: 'Open flag devtools' })
  expect(toggle.matches(':focus')).toBe(true)
})

test('Cmd+Shift+F opens the panel too', async () => {
  serveFlags(shopFlags)
  await mountDevtools(newClient(), { open: false })
  act(() => pressShortcut({ ctrlKey: false, metaKey: true }))
  expect(await devtools().findByRole('dialog', { name: 'Flag devtools' }, panelLoad)).toBeDefined()
})

test('the shortcut can be changed', async () => {
  serveFlags(shopFlags)
  await mountDevtools(newClient(), { open: false, shortcut: 'alt+d' })
  act(() => pressShortcut())
  act(() => fireEvent.keyDown(window, { key: '∂', code: 'KeyD', altKey: true }))
  expect(await devtools().findByRole('dialog', { name: 'Flag devtools' }, panelLoad)).toBeDefined()
  act(() => fireEvent.keyDown(devtools().getByRole('dialog'), { key: 'Escape' }))
  const toggle = await devtools().findByRole('button', { name: 'Open flag devtools' })
  expect(toggle.getAttribute('aria-keyshortcuts')).toBe('Alt+D')
})

test('Escape and the close button close the panel and return focus to the toggle', async () => {
  serveFlags(shopFlags)
  await mountDevtools(newClient())
  act(() => fireEvent.keyDown(devtools().getByRole('dialog'), { key: 'Escape' }))
  await waitFor(() => expect(devtools().queryByRole('dialog')).toBeNull())
  const toggle = devtools().getByRole('button', { name: 'Open flag devtools' })
  expect(toggle.matches(':focus')).toBe(true)
  await act(() => toggle.click())
  await act(() => devtools().getByRole('button', { name: 'Close flag devtools' }).click())
  await waitFor(() => expect(devtools().queryByRole('dialog')).toBeNull())
})

test('Tab from the last control of the open panel wraps to the first, and Shift+Tab back', async () => {
  serveFlags(shopFlags)
  await mountDevtools(newClient())
  const dialog = devtools().getByRole('dialog')
  const close = devtools().getByRole('button', { name: 'Close flag devtools' })
  const controls = dialog.querySelectorAll<HTMLElement>(
    'button:not([disabled]), input, select, textarea',
  )
  const last = controls[controls.length - 1]!
  act(() => last.focus())
  act(() => fireEvent.keyDown(last, { key: 'Tab' }))
  expect(close.matches(':focus')).toBe(true)
  act(() => fireEvent.keyDown(close, { key: 'Tab', shiftKey: true }))
  expect(last.matches(':focus')).toBe(true)
})

test('the open state is remembered for the next page load', async () => {
  serveFlags(shopFlags)
  const { unmount } = await mountDevtools(newClient())
  act(() => unmount())
  await mountDevtools(newClient(), { open: false })
  expect(await devtools().findByRole('dialog', { name: 'Flag devtools' }, panelLoad)).toBeDefined()
})

test('the search box narrows the list to matching keys', async () => {
  serveFlags(shopFlags)
  await mountDevtools(newClient())
  const search = devtools().getByRole('searchbox', { name: 'Search flags' })
  act(() => fireEvent.change(search, { target: { value: 'CHECK' } }))
  const list = devtools().getByRole('list', { name: 'Flag list' })
  expect(
    [...list.querySelectorAll('li')].map((item) => item.querySelector('code')?.textContent),
  ).toEqual(['new-checkout'])
  expect(devtools().getByText('1 of 4 flags')).toBeDefined()
  act(() => fireEvent.change(search, { target: { value: 'nothing-like-it' } }))
  await waitFor(() => expect(devtools().getByText('No flag matches.')).toBeDefined())
})

test('the tabs switch views with the arrow keys', async () => {
  serveFlags(shopFlags)
  await mountDevtools(newClient())
  const flagsTab = devtools().getByRole('tab', { name: 'Flags' })
  act(() => fireEvent.keyDown(flagsTab, { key: 'ArrowRight' }))
  const eventsTab = devtools().getByRole('tab', { name: 'Events' })
  await waitFor(() => expect(eventsTab.getAttribute('aria-selected')).toBe('true'))
  expect(eventsTab.matches(':focus')).toBe(true)
  expect(devtools().getByRole('tabpanel', { name: 'Events' })).toBeDefined()
  act(() => fireEvent.keyDown(eventsTab, { key: 'End' }))
  await waitFor(() => expect(devtools().getByRole('tabpanel', { name: 'Context' })).toBeDefined())
})

test('an empty service shows that there are no flags yet', async () => {
  serveFlags([])
  await mountDevtools(newClient())
  expect(devtools().getByText(/No flags yet/)).toBeDefined()
})
