import type { Meta, StoryObj } from '@storybook/react-vite'
import { Flag, Variant } from 'vexil'

/** `<Flag>` and `<Variant>` around the checkout: the markup says what each flag decides. */
function CheckoutPage() {
  return (
    <section>
      <Flag name="new-checkout" fallback={<button>Proceed to payment</button>}>
        <button>Pay in one click</button>
      </Flag>
      <Variant flag="checkout-experiment" is="paypal">
        <p>PayPal is available</p>
      </Variant>
      <Variant
        flag="checkout-experiment"
        match={{ visa: <p>5 % back with Visa</p>, paypal: <p>Buy now, pay later</p> }}
        fallback={<p>Pay by card</p>}
      />
    </section>
  )
}

const meta = {
  title: 'Flags/Flag and Variant',
  component: CheckoutPage,
  argTypes: {
    'flag_checkout-experiment': { control: 'select', options: ['control', 'visa', 'paypal'] },
  },
} satisfies Meta

export default meta
type Story = StoryObj<typeof meta>

export const NewCheckoutWithPayPal: Story = {
  parameters: {
    vexil: { flags: { 'new-checkout': true, 'checkout-experiment': 'paypal' } },
  },
}

export const ClassicCheckoutWithVisa: Story = {
  parameters: {
    vexil: { flags: { 'new-checkout': false, 'checkout-experiment': 'visa' } },
  },
}

/** While loading, each component renders its fallback. */
export const Loading: Story = {
  parameters: {
    vexil: { status: 'loading', flags: { 'new-checkout': true, 'checkout-experiment': 'paypal' } },
  },
}
