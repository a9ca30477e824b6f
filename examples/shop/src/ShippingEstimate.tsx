import { formatPrice } from './products'
import type { Product } from './products'

const parcels = [
  { maxKg: 1, price: 3.9 },
  { maxKg: 5, price: 5.9 },
  { maxKg: 30, price: 9.9 },
]

/**
 * The `shipping-estimate` rollout's new UI, with the bug the guarded rollout is there to catch: a
 * gift card has no weight, no parcel fits it, and the cart throws while rendering. `<FlagBoundary>`
 * turns that into the old cart for this shopper, and the error reports roll the rollout back.
 */
export function ShippingEstimate({ items }: { items: readonly Product[] }) {
  const cost = items.reduce((total, item) => total + parcelFor(item.weightKg!).price, 0)
  return <p className="shipping-estimate">Shipping estimate: {formatPrice(cost)}</p>
}

function parcelFor(weightKg: number) {
  return parcels.find((parcel) => weightKg <= parcel.maxKg)!
}
