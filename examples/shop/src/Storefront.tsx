import { useFlag } from 'vexil'
import { Cart } from './Cart'
import { FlagStatusLine } from './FlagStatusLine'
import { FreeShippingBanner } from './FreeShippingBanner'
import { ProductCard } from './ProductCard'
import { products } from './products'
import type { Product } from './products'
import { Recommendations } from './Recommendations'
import { UserSwitcher } from './UserSwitcher'
import type { ShopUser } from './users'

interface StorefrontProps {
  user: ShopUser
  onSignIn(user: ShopUser): void
  cart: readonly Product[]
  onAdd(product: Product): void
  onCheckedOut(): void
}

export function Storefront({ user, onSignIn, cart, onAdd, onCheckedOut }: StorefrontProps) {
  const theme = useFlag('theme', 'light')
  return (
    <div className="shop" data-theme={theme}>
      <header>
        <h1>Vexil Shop</h1>
        <UserSwitcher user={user} onSignIn={onSignIn} />
        <FlagStatusLine />
      </header>
      <FreeShippingBanner />
      <main>
        <section aria-labelledby="catalog-title">
          <h2 id="catalog-title">Coffee gear</h2>
          <ul className="products">
            {products.map((product) => (
              <ProductCard key={product.id} product={product} onAdd={onAdd} />
            ))}
          </ul>
        </section>
        <Recommendations onAdd={onAdd} />
        <Cart items={cart} onCheckedOut={onCheckedOut} />
      </main>
      <footer>Theme: {theme}</footer>
    </div>
  )
}
