import { useState } from 'react'
import { useFlag } from 'vexil'
import { discounted, formatPrice } from './products'
import type { Product } from './products'

export function ProductCard({
  product,
  onAdd,
}: {
  product: Product
  onAdd(product: Product): void
}) {
  // Every card reads the same flags; the exposure is still reported once per user and variant.
  const percentOff = useFlag('member-discount', 0)
  const wishlist = useFlag('wishlist', false)
  const [saved, setSaved] = useState(false)
  const price = discounted(product.price, percentOff)
  return (
    <li className="product">
      <h3>{product.name}</h3>
      <p>
        {percentOff > 0 ? (
          <>
            <s>{formatPrice(product.price)}</s> {formatPrice(price)}{' '}
            <small>(member price, {percentOff}% off)</small>
          </>
        ) : (
          formatPrice(price)
        )}
      </p>
      <button type="button" onClick={() => onAdd({ ...product, price })}>
        Add {product.name} to cart
      </button>
      {wishlist && (
        <button type="button" aria-pressed={saved} onClick={() => setSaved(!saved)}>
          {saved ? 'Saved' : 'Save for later'}
        </button>
      )}
    </li>
  )
}
