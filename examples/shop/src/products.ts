export interface Product {
  id: string
  name: string
  price: number
}

export const products: readonly Product[] = [
  { id: 'kettle', name: 'Stovetop kettle', price: 39 },
  { id: 'mug', name: 'Stoneware mug', price: 14 },
  { id: 'grinder', name: 'Burr grinder', price: 89 },
]

export const recommended: readonly Product[] = [
  { id: 'filters', name: 'Paper filters (100)', price: 6 },
  { id: 'scale', name: 'Pour-over scale', price: 29 },
]

export function discounted(price: number, percentOff: number): number {
  return Math.round(price * (100 - percentOff)) / 100
}

export function formatPrice(amount: number): string {
  return `€${amount.toFixed(2)}`
}
