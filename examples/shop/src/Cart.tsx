import { useState } from 'react'
import { Flag, FlagBoundary, useTrack, useVariant } from 'vexil'
import { formatPrice } from './products'
import type { Product } from './products'
import { ShippingEstimate } from './ShippingEstimate'

const payLabels: Record<string, string> = {
  control: 'Pay with card',
  visa: 'Pay with Visa',
  paypal: 'Pay with PayPal',
}

export function Cart({ items, onCheckedOut }: { items: readonly Product[]; onCheckedOut(): void }) {
  // The checkout experiment: which payment button converts best? `vexil report` tells.
  const { variant } = useVariant('checkout-experiment')
  const track = useTrack()
  const [lastOrder, setLastOrder] = useState<number>()
  const total = items.reduce((sum, item) => sum + item.price, 0)

  function pay(express = false) {
    track('purchase', { value: total, items: items.length, express })
    setLastOrder(total)
    onCheckedOut()
  }

  return (
    <section aria-labelledby="cart-title" className="cart">
      <h2 id="cart-title">Cart</h2>
      <p>Checkout experiment arm: {variant ?? 'not assigned yet'}</p>
      {/* A guarded rollout (flags.rollouts.json); without the flag, the cart shows no estimate. */}
      <FlagBoundary flag="shipping-estimate" fallback={null}>
        <Flag name="shipping-estimate">
          <ShippingEstimate items={items} />
        </Flag>
      </FlagBoundary>
      {items.length === 0 ? (
        <p>
          {lastOrder === undefined
            ? 'Your cart is empty.'
            : `Thank you! Paid ${formatPrice(lastOrder)}.`}
        </p>
      ) : (
        <>
          <ul>
            {items.map((item, index) => (
              <li key={index}>
                {item.name}: {formatPrice(item.price)}
              </li>
            ))}
          </ul>
          <p>Total: {formatPrice(total)}</p>
          <button type="button" className="pay" onClick={() => pay()}>
            {payLabels[variant ?? 'control'] ?? payLabels.control}
          </button>
          <Flag name="express-checkout">
            <button type="button" className="pay express" onClick={() => pay(true)}>
              Express checkout
            </button>
          </Flag>
        </>
      )}
    </section>
  )
}
