import { act, fireEvent, waitFor } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { serveFlags } from '../support/flagService'
import { memoryStorage } from '../support/memoryStorage'
import { devtools, flagFact, flagRow, mountDevtools, newClient } from './devtoolsHarness'

afterEach(() => {
  vi.restoreAllMocks()
  window.history.replaceState(null, '', '/')
})

const shopFlags = [
  { key: 'new-checkout', value: false, variant: 'off', reason: 'DEFAULT' },
  {
    key: 'checkout-experiment',
    value: 'card',
    variant: 'control',
    reason: 'SPLIT',
    metadata: { variants: '["control","visa","paypal"]' },
  },
  { key: 'theme', value: 'light', reason: 'STATIC' },
  { key: 'max-items', value: 7, reason: 'DEFAULT' },
  { key: 'pro-limits', value: { daily: 3 }, variant: 'free', reason: 'DEFAULT' },
]

function applyValue(key: string, label: string, text: string) {
  act(() =>
    fireEvent.change(flagRow(key).getByRole('textbox', { name: label }), {
      target: { value: text },
    }),
  )
  act(() =>
    flagRow(key)
      .getByRole('button', { name: `Apply ${key}` })
      .click(),
  )
}

test('the switch overrides a boolean flag, and the row is marked as overridden', async () => {
  serveFlags(shopFlags)
  const client = newClient()
  await mountDevtools(client)
  const toggle = flagRow('new-checkout').getByRole('switch', { name: 'Override new-checkout' })
  expect(toggle.getAttribute('aria-checked')).toBe('false')
  act(() => toggle.click())
  expect(client.evaluate('new-checkout', false)).toMatchObject({ value: true, source: 'override' })
  await waitFor(() =>
    expect(flagRow('new-checkout').getByRole('switch').getAttribute('aria-checked')).toBe('true'),
  )
  await waitFor(() => expect(flagRow('new-checkout').getByText('Overridden')).toBeDefined())
  await waitFor(() => expect(flagFact('new-checkout', 'Served')).toBe('false'))
})

test('the variant picker offers the variants in the flag metadata and forces one', async () => {
  serveFlags(shopFlags)
  const client = newClient()
  await mountDevtools(client)
  const picker = flagRow('checkout-experiment').getByRole('combobox', {
    name: 'Variant of checkout-experiment',
  })
  const options = [...(picker as HTMLSelectElement).options].map((option) => option.textContent)
  expect(options).toEqual([
    'Choose a variant',
    'control',
    'visa (value not seen yet)',
    'paypal (value not seen yet)',
  ])
  act(() => fireEvent.change(picker, { target: { value: 'paypal' } }))
  applyValue('checkout-experiment', 'Value of variant paypal for checkout-experiment', 'paypal')
  expect(client.evaluate('checkout-experiment', 'card')).toMatchObject({
    value: 'paypal',
    variant: 'paypal',
    source: 'override',
  })
})

test('a variant whose value was seen is forced as soon as it is picked', async () => {
  serveFlags(shopFlags)
  const client = newClient()
  await mountDevtools(client)
  applyValue('checkout-experiment', 'Value of checkout-experiment', 'visa')
  const picker = flagRow('checkout-experiment').getByRole('combobox', {
    name: 'Variant of checkout-experiment',
  })
  act(() => fireEvent.change(picker, { target: { value: 'control' } }))
  expect(client.evaluate('checkout-experiment', '')).toMatchObject({
    value: 'card',
    variant: 'control',
  })
})

test('a text input overrides a string flag', async () => {
  serveFlags(shopFlags)
  const client = newClient()
  await mountDevtools(client)
  applyValue('theme', 'Value of theme', 'dark')
  expect(client.evaluate('theme', 'light').value).toBe('dark')
  expect(flagFact('theme', 'Value')).toBe('"dark"')
})

test('a number input overrides a number flag and refuses what is not a number', async () => {
  serveFlags(shopFlags)
  const client = newClient()
  await mountDevtools(client)
  const input = flagRow('max-items').getByRole('spinbutton', { name: 'Value of max-items' })
  act(() => fireEvent.change(input, { target: { value: '12.5' } }))
  act(() => flagRow('max-items').getByRole('button', { name: 'Apply max-items' }).click())
  expect(client.evaluate('max-items', 0).value).toBe(12.5)
  act(() =>
    fireEvent.change(flagRow('max-items').getByRole('spinbutton'), { target: { value: '' } }),
  )
  act(() => flagRow('max-items').getByRole('button', { name: 'Apply max-items' }).click())
  await waitFor(() =>
    expect(flagRow('max-items').getByRole('alert').textContent).toBe(
      'Enter a number. Nothing was applied.',
    ),
  )
  expect(client.evaluate('max-items', 0).value).toBe(12.5)
})

test('the JSON editor overrides an object flag', async () => {
  serveFlags(shopFlags)
  const client = newClient()
  await mountDevtools(client)
  applyValue('pro-limits', 'JSON value of pro-limits', '{ "daily": 100, "burst": [1, 2] }')
  expect(client.evaluate('pro-limits', {}).value).toEqual({ daily: 100, burst: [1, 2] })
})

test('the JSON editor refuses invalid JSON with a message and applies nothing', async () => {
  serveFlags(shopFlags)
  const client = newClient()
  await mountDevtools(client)
  applyValue('pro-limits', 'JSON value of pro-limits', '{ daily: 100 }')
  expect(flagRow('pro-limits').getByRole('alert').textContent).toMatch(
    /^Not valid JSON \(.+\)\. Nothing was applied\.$/,
  )
  expect(client.getState().overrides['pro-limits']).toBeUndefined()
  expect(client.evaluate('pro-limits', {}).value).toEqual({ daily: 3 })
})

test('Reset removes one override and Reset all overrides removes them all', async () => {
  serveFlags(shopFlags)
  const client = newClient()
  await mountDevtools(client)
  act(() => client.setOverride('theme', 'dark'))
  act(() => client.setOverride('max-items', 99))
  const resetTheme = await waitFor(() =>
    flagRow('theme').getByRole('button', { name: 'Reset theme' }),
  )
  act(() => resetTheme.click())
  expect(client.evaluate('theme', 'light')).toMatchObject({ value: 'light', source: 'network' })
  await waitFor(() => expect(flagRow('theme').queryByText('Overridden')).toBeNull())
  expect(client.evaluate('max-items', 0).value).toBe(99)
  act(() => devtools().getByRole('button', { name: 'Reset all overrides' }).click())
  expect(client.getState().overrides).toEqual({})
  await waitFor(() =>
    expect(devtools().getByRole('button', { name: 'Reset all overrides' })).toHaveProperty(
      'disabled',
      true,
    ),
  )
})

test('an override of a flag the service does not know is listed too', async () => {
  serveFlags(shopFlags)
  const client = newClient()
  await mountDevtools(client)
  act(() => client.setOverride('not-on-the-service', { variant: 'b', value: 'two' }))
  await waitFor(() => expect(flagFact('not-on-the-service', 'Value')).toBe('"two"'))
  await waitFor(() => expect(flagFact('not-on-the-service', 'Source')).toBe('override'))
})

test('Copy share link copies a link that applies the same overrides on another page load', async () => {
  serveFlags(shopFlags)
  const writeText = vi.fn(() => Promise.resolve())
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
  const client = newClient()
  await mountDevtools(client)
  act(() => client.setOverride('new-checkout', true))
  act(() => client.setOverride('theme', 'dark, with commas'))
  act(() => client.setOverride('pro-limits', { daily: 100 }))
  await act(() => devtools().getByRole('button', { name: 'Copy share link' }).click())
  expect(await devtools().findByText('Copied to the clipboard.')).toBeDefined()
  const link = devtools().getByRole('textbox', { name: 'Share link' }) as HTMLInputElement
  expect(writeText).toHaveBeenCalledWith(link.value)

  window.history.replaceState(null, '', new URL(link.value).search)
  const otherDevice = newClient({ storage: memoryStorage().storage, overrides: { fromUrl: true } })
  await act(() => otherDevice.start())
  await waitFor(() => expect(otherDevice.evaluate('pro-limits', {}).value).toEqual({ daily: 100 }))
  expect(otherDevice.evaluate('new-checkout', false).value).toBe(true)
  expect(otherDevice.evaluate('theme', '').value).toBe('dark, with commas')
  vi.unstubAllGlobals()
})

test('without a clipboard, the share link is shown to copy by hand', async () => {
  serveFlags(shopFlags)
  const client = newClient()
  await mountDevtools(client)
  act(() => client.setOverride('theme', 'dark'))
  await act(() => devtools().getByRole('button', { name: 'Copy share link' }).click())
  expect(await devtools().findByText('Copy the link from the field below.')).toBeDefined()
  const link = devtools().getByRole('textbox', { name: 'Share link' }) as HTMLInputElement
  expect(new URL(link.value).searchParams.get('vexil')).toBe('theme:dark')
})

test('with allowOverrides: false the controls are disabled and say why', async () => {
  serveFlags(shopFlags)
  await mountDevtools(newClient({ allowOverrides: false }))
  const isDisabled = (element: HTMLElement) => element.matches(':disabled')
  expect(
    isDisabled(flagRow('new-checkout').getByRole('switch', { name: 'Override new-checkout' })),
  ).toBe(true)
  expect(isDisabled(flagRow('theme').getByRole('textbox', { name: 'Value of theme' }))).toBe(true)
  expect(isDisabled(devtools().getByRole('button', { name: 'Reset all overrides' }))).toBe(true)
  expect(devtools().getByText(/Overrides are off for this client/)).toBeDefined()
})
