export interface Product {
  id: string
  name: string
  price: number
  /** Absent for what is not shipped, such as a gift card. */
  weightKg?: number
}

export const products: readonly Product[] = [
  { id: 'kettle', name: 'Stovetop kettle', price: 39, weightKg: 1.2 },
  { id: 'mug', name: 'Stoneware mug', price: 14, weightKg: 0.4 },
  { id: 'grinder', name: 'Burr grinder', price: 89, weightKg: 2.5 },
  { id: 'gift-card', name: 'Gift card', price: 25 },
]

export const recommended: readonly Product[] = [
  { id: 'filters', name: 'Paper filters (100)', price: 6, weightKg: 0.2 },
  { id: 'scale', name: 'Pour-over scale', price: 29, weightKg: 0.6 },
]

export function discounted(price: number, percentOff: number): number {
  return Math.round(price * (100 - percentOff)) / 100
}

export function formatPrice(amount: number): string {
  return `€${amount.toFixed(2)}`
}
