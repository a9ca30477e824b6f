import { composeStories } from '@storybook/react-vite'
import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { useFlag } from 'vexil'
import { withFlags } from 'vexil/testing'
import preview from '../../stories/.storybook/preview'
import * as components from '../../stories/FlagComponents.stories'
import * as flagStories from '../../stories/useFlag.stories'
import * as statusStories from '../../stories/useFlagStatus.stories'
import * as variantStories from '../../stories/useVariant.stories'

const { NewCheckout, ClassicCheckout } = composeStories(flagStories, preview)
const { PayPal } = composeStories(variantStories, preview)
const { Loading, ServiceError } = composeStories(statusStories, preview)
const { NewCheckoutWithPayPal } = composeStories(components, preview)

test("a story's vexil parameters set the flags it renders with", () => {
  render(<NewCheckout />)
  expect(screen.getByRole('button', { name: 'Pay in one click' })).toBeDefined()
})

test('each story gets its own flags', () => {
  render(<ClassicCheckout />)
  expect(screen.getByRole('button', { name: 'Proceed to payment' })).toBeDefined()
})

test('a string flag is the variant useVariant reads', () => {
  render(<PayPal />)
  expect(screen.getByRole('button', { name: 'Pay with PayPal' })).toBeDefined()
})

test("a story's status parameter sets the client's status", () => {
  render(<Loading />)
  expect(screen.getByRole('status').textContent).toBe('Loading flags…')
  expect(screen.getByRole('button', { name: 'Proceed to payment' })).toBeDefined()
})

test("a story's error parameter is the error useFlagStatus reports", () => {
  render(<ServiceError />)
  expect(screen.getByRole('status').textContent).toBe(
    'Flags may be out of date: The flag service answered 500.',
  )
})

test('the Flag and Variant components render from story flags', () => {
  render(<NewCheckoutWithPayPal />)
  expect(screen.getByRole('button', { name: 'Pay in one click' })).toBeDefined()
  expect(screen.getByText('PayPal is available')).toBeDefined()
  expect(screen.getByText('Buy now, pay later')).toBeDefined()
})

test('each story flag becomes a flag_<key> arg, so the Controls panel can flip it', () => {
  expect(NewCheckout.args).toMatchObject({ 'flag_new-checkout': true })
})

test('a flag_<key> arg set from the controls wins over the story parameters', () => {
  render(<NewCheckout {...{ 'flag_new-checkout': false }} />)
  expect(screen.getByRole('button', { name: 'Proceed to payment' })).toBeDefined()
})

test('the toolbar status global overrides the story status', () => {
  const Story = () => <p>{useFlag('new-checkout', false) ? 'on' : 'off'}</p>
  const parameters = { vexil: { flags: { 'new-checkout': true } } }
  render(withFlags(Story, { parameters, globals: { vexilStatus: 'loading' } }))
  expect(screen.getByText('off')).toBeDefined()
})
