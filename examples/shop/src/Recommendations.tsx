import { useFlag } from 'vexil'
import { formatPrice, recommended } from './products'
import type { Product } from './products'

/** Behind an operational flag: a kill switch turns it off if the recommender misbehaves. */
export function Recommendations({ onAdd }: { onAdd(product: Product): void }) {
  const enabled = useFlag('recommendations', false)
  if (!enabled) return null
  return (
    <section aria-labelledby="recommendations-title">
      <h2 id="recommendations-title">Recommended for you</h2>
      <ul className="products">
        {recommended.map((product) => (
          <li key={product.id} className="product">
            <h3>{product.name}</h3>
            <p>{formatPrice(product.price)}</p>
            <button type="button" onClick={() => onAdd(product)}>
              Add {product.name} to cart
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
