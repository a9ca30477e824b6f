import { formatPrice } from './products'
import type { Product } from './products'

/**
 * The `shipping-estimate` rollout's new UI, with the bug the guarded rollout is there to catch: a
 * gift card has no weight, so a cart holding one throws while rendering. `<FlagBoundary>` turns
 * that into the old cart for this shopper, and the error reports roll the rollout back for all.
 */
export function ShippingEstimate({ items }: { items: readonly Product[] }) {
  const kilograms = items.reduce((total, item) => total + item.weightKg!, 0)
  const cost = items.length === 0 ? 0 : 4.9 + 0.8 * Math.ceil(kilograms)
  return (
    <p className="shipping-estimate">
      Shipping estimate: {formatPrice(cost)} for {kilograms.toFixed(1)} kg
    </p>
  )
}
