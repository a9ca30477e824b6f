import { useMemo, useState } from 'react'
import { FlagProvider } from 'vexil'
import { FlagDevtools } from 'vexil/devtools'
import type { FlagClient } from 'vexil'
import type { Product } from './products'
import { putUserIdInUrl, userIdInUrl } from './shopUrl'
import { Storefront } from './Storefront'
import { contextOf, findUser } from './users'
import type { ShopUser } from './users'

export function App({ client }: { client: FlagClient }) {
  const [user, setUser] = useState(() => findUser(userIdInUrl()))
  const [cart, setCart] = useState<Product[]>([])
  const context = useMemo(() => contextOf(user), [user])

  function signIn(next: ShopUser) {
    putUserIdInUrl(next.id)
    setUser(next)
    setCart([])
  }

  return (
    // A new user re-evaluates every flag; until the answer arrives the page keeps the previous
    // values, marked stale, instead of flashing the defaults.
    <FlagProvider client={client} context={context}>
      <Storefront
        user={user}
        onSignIn={signIn}
        cart={cart}
        onAdd={(product) => setCart((items) => [...items, product])}
        onCheckedOut={() => setCart([])}
      />
      {/* Renders nothing outside development builds; the panel loads on first open. */}
      <FlagDevtools />
    </FlagProvider>
  )
}
