import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, expect, test, vi } from 'vitest'
import { createFlagClient, fetchFlagSnapshot, FlagProvider, useFlag, useFlagStatus } from 'vexil'
import type { FlagSnapshot } from 'vexil'
import { baseUrl, serveFlags } from '../support/flagService'

afterEach(() => vi.restoreAllMocks())

function Page() {
  const theme = useFlag('theme', 'light')
  const { status } = useFlagStatus()
  return <main>{`theme ${theme}, ${status}`}</main>
}

function app(bootstrap?: FlagSnapshot) {
  const client = createFlagClient({ baseUrl, context: { targetingKey: 'user-1' }, bootstrap })
  return {
    client,
    element: (
      <FlagProvider client={client}>
        <Page />
      </FlagProvider>
    ),
  }
}

async function hydrate(html: string, bootstrap?: FlagSnapshot) {
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  const recoverable = vi.fn()
  const { client, element } = app(bootstrap)
  await act(async () => {
    hydrateRoot(container, element, { onRecoverableError: recoverable })
  })
  return { container, client, recoverable }
}

test('a bootstrapped server render hydrates with identical markup and no loading flash', async () => {
  serveFlags([{ key: 'theme', value: 'dark' }])
  const consoleError = vi.spyOn(console, 'error')
  const snapshot = JSON.parse(
    JSON.stringify(await fetchFlagSnapshot({ baseUrl, context: { targetingKey: 'user-1' } })),
  )
  const html = renderToString(app(snapshot).element)
  expect(html).toBe('<main>theme dark, ready</main>')

  const { container, recoverable, client } = await hydrate(html, snapshot)
  expect(container.innerHTML).toBe(html)
  expect(recoverable).not.toHaveBeenCalled()
  expect(consoleError).not.toHaveBeenCalled()
  client.close()
})

test('a warm cache without a bootstrap still hydrates cleanly, then shows the cached values', async () => {
  serveFlags([{ key: 'theme', value: 'dark' }])
  const previous = createFlagClient({ baseUrl, context: { targetingKey: 'user-1' } })
  await previous.start()
  previous.close()
  const consoleError = vi.spyOn(console, 'error')
  const html = renderToString(app().element)
  expect(html).toBe('<main>theme light, loading</main>')

  const { container, recoverable, client } = await hydrate(html)
  expect(recoverable).not.toHaveBeenCalled()
  expect(consoleError).not.toHaveBeenCalled()
  expect(container.textContent).toMatch(/^theme dark, (stale|ready)$/)
  client.close()
})
