import { expect, test, vi } from 'vitest'

vi.mock('react', () => {
  throw new Error('vexil/core imported react')
})
vi.mock('react-dom', () => {
  throw new Error('vexil/core imported react-dom')
})
vi.mock('zustand', () => {
  throw new Error('vexil/core imported the React half of zustand')
})

test('vexil/core loads and creates a client in Node with React mocked away', async () => {
  const { createFlagClient } = await import('vexil/core')
  const client = createFlagClient({ baseUrl: 'https://flags.test' })
  expect(client.getState().status).toBe('loading')
  expect(typeof globalThis.window).toBe('undefined')
})
