import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { FlagClientError, useFlagStatus } from 'vexil'
import { TestFlagProvider } from 'vexil/testing'
import { Checkout } from './Checkout'

function Status() {
  const { status, error } = useFlagStatus()
  return <p role="status">{error ? `${status}: ${error.message}` : status}</p>
}

test('a new flags prop re-renders with the new values', () => {
  const { rerender } = render(
    <TestFlagProvider flags={{ 'new-checkout': false }}>
      <Checkout />
    </TestFlagProvider>,
  )
  rerender(
    <TestFlagProvider flags={{ 'new-checkout': true }}>
      <Checkout />
    </TestFlagProvider>,
  )
  expect(screen.getByRole('button', { name: 'Pay in one click' })).toBeDefined()
})

test('a flag left out of a new flags prop falls back to its default', () => {
  const { rerender } = render(
    <TestFlagProvider flags={{ 'new-checkout': true }}>
      <Checkout />
    </TestFlagProvider>,
  )
  rerender(
    <TestFlagProvider flags={{}}>
      <Checkout />
    </TestFlagProvider>,
  )
  expect(screen.getByRole('button', { name: 'Proceed to payment' })).toBeDefined()
})

test('status="loading" renders the defaults and the loading status', () => {
  render(
    <TestFlagProvider flags={{ 'new-checkout': true }} status="loading">
      <Status />
      <Checkout />
    </TestFlagProvider>,
  )
  expect(screen.getByRole('status').textContent).toBe('loading')
  expect(screen.getByRole('button', { name: 'Proceed to payment' })).toBeDefined()
})

test('status="error" renders the error with the last known values', () => {
  const error = new FlagClientError('unauthorized', 'The flag service answered 401.')
  render(
    <TestFlagProvider flags={{ 'new-checkout': true }} status="error" error={error}>
      <Status />
      <Checkout />
    </TestFlagProvider>,
  )
  expect(screen.getByRole('status').textContent).toBe('error: The flag service answered 401.')
  expect(screen.getByRole('button', { name: 'Pay in one click' })).toBeDefined()
})
