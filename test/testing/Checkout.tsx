import { useFlag } from 'vexil'

/** The quick start's checkout button. */
export function Checkout() {
  const newCheckout = useFlag('new-checkout', false)
  return <button>{newCheckout ? 'Pay in one click' : 'Proceed to payment'}</button>
}
