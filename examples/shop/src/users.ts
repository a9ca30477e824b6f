import type { EvaluationContext } from 'vexil'

export interface ShopUser {
  id: string
  name: string
  email: string
  plan: 'free' | 'pro'
}

// Chosen so that between them they see every arm of the checkout experiment, the 10 % free
// shipping rollout, staff pricing (by email domain) and pro pricing (by plan).
export const users: readonly ShopUser[] = [
  { id: 'ana', name: 'Ana', email: 'ana@example.com', plan: 'free' },
  { id: 'ben', name: 'Ben', email: 'ben@gmail.com', plan: 'pro' },
  { id: 'chloe', name: 'Chloe', email: 'chloe@outlook.com', plan: 'free' },
  { id: 'grace', name: 'Grace', email: 'grace@fastmail.com', plan: 'free' },
]

export function findUser(id: string | null): ShopUser {
  return users.find((user) => user.id === id) ?? users[0]!
}

export function contextOf(user: ShopUser): EvaluationContext {
  return { targetingKey: user.id, email: user.email, plan: user.plan }
}
