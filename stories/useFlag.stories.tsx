import type { Meta, StoryObj } from '@storybook/react-vite'
import { useFlag } from 'vexil'

/** The quick start's checkout button: one flag, two looks. */
function Checkout() {
  const newCheckout = useFlag('new-checkout', false)
  return <button>{newCheckout ? 'Pay in one click' : 'Proceed to payment'}</button>
}

const meta = {
  title: 'Flags/useFlag',
  component: Checkout,
} satisfies Meta<typeof Checkout>

export default meta
type Story = StoryObj<typeof meta>

export const NewCheckout: Story = {
  parameters: { vexil: { flags: { 'new-checkout': true } } },
}

export const ClassicCheckout: Story = {
  parameters: { vexil: { flags: { 'new-checkout': false } } },
}

/** The service does not know the flag: the call site's default renders (`FLAG_NOT_FOUND`). */
export const FlagMissing: Story = {
  parameters: { vexil: { flags: {} } },
}

/** A value of another type than the default is ignored (`TYPE_MISMATCH`). */
export const WrongType: Story = {
  parameters: { vexil: { flags: { 'new-checkout': 'yes' } } },
}
