import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { TestFlagProvider } from 'vexil/testing'
import { Checkout } from './Checkout'

test('the new checkout pays in one click', () => {
  render(
    <TestFlagProvider flags={{ 'new-checkout': true }}>
      <Checkout />
    </TestFlagProvider>,
  )
  expect(screen.getByRole('button', { name: 'Pay in one click' })).toBeDefined()
})
