import { useFlag } from 'vexil'

/** Rolled out to 10 % of users; the same user always lands in the same bucket. */
export function FreeShippingBanner() {
  const freeShipping = useFlag('free-shipping', false)
  return freeShipping ? <p className="banner">Free shipping on every order, on us.</p> : null
}
