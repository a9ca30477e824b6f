import type { Meta, StoryObj } from '@storybook/react-vite'
import { useTrack, useVariant } from 'vexil'

/** The payment button of the demo shop's checkout experiment. */
function PaymentButton() {
  const { variant } = useVariant('checkout-experiment')
  const track = useTrack()
  const label =
    variant === 'visa' ? 'Pay with Visa' : variant === 'paypal' ? 'Pay with PayPal' : 'Pay now'
  return <button onClick={() => track('purchase', { value: 42 })}>{label}</button>
}

const meta = {
  title: 'Flags/useVariant',
  component: PaymentButton,
  argTypes: {
    'flag_checkout-experiment': { control: 'select', options: ['control', 'visa', 'paypal'] },
  },
} satisfies Meta

export default meta
type Story = StoryObj<typeof meta>

export const Control: Story = {
  parameters: { vexil: { flags: { 'checkout-experiment': 'control' } } },
}

export const Visa: Story = {
  parameters: { vexil: { flags: { 'checkout-experiment': 'visa' } } },
}

export const PayPal: Story = {
  parameters: { vexil: { flags: { 'checkout-experiment': 'paypal' } } },
}

/** A variant and a value of its own: the variant decides the arm. */
export const VariantWithValue: Story = {
  parameters: {
    vexil: {
      flags: { 'checkout-experiment': { variant: 'paypal', value: 'paypal', reason: 'SPLIT' } },
    },
  },
}
