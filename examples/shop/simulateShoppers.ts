/**
 * Simulated shoppers for the demo's guarded rollouts: each tick, new shoppers are evaluated by the
 * flag server (so each gets the variant the rollout gives them, sticky by id) and report what a
 * real page would: exposures, a purchase now and then, and the errors of the broken
 * `shipping-estimate` variant, which fails for shoppers whose cart holds a gift card.
 */

interface ShopperBehaviour {
  /** Chance that a shopper's page fails, by flag and variant; other variants never fail. */
  errorRates: Record<string, Record<string, number>>
  /** Chance that a shopper buys something. */
  purchaseRate: number
  /** What a variant adds to that chance, by flag and variant. */
  purchaseLift: Record<string, Record<string, number>>
}

const demoBehaviour: ShopperBehaviour = {
  // A third of the carts hold a gift card, for which the new shipping estimate throws.
  errorRates: { 'shipping-estimate': { on: 0.33 } },
  purchaseRate: 0.3,
  // Express checkout is the good idea it looks like.
  purchaseLift: { 'express-checkout': { on: 0.06 } },
}

export interface ShopperSimulation {
  /** Sends shoppers now; resolves with how many events the collector accepted. */
  tick(shoppers?: number): Promise<number>
}

const flagKeys = ['express-checkout', 'shipping-estimate', 'checkout-experiment', 'free-shipping']

export function simulateShoppers({
  flagServerUrl,
  shoppersPerTick = 20,
}: {
  flagServerUrl: string
  shoppersPerTick?: number
}): ShopperSimulation {
  // The same draws every run; new shopper ids every run, so a restarted demo meets new users.
  const random = seededRandom(1)
  const run = Date.now().toString(36)
  let count = 0

  async function shop(id: string): Promise<unknown[]> {
    const context = { targetingKey: id, email: `${id}@shoppers.test`, plan: 'free' }
    const response = await fetch(`${flagServerUrl}/ofrep/v1/evaluate/flags`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ context }),
    })
    const { flags } = (await response.json()) as { flags: { key: string; variant?: string }[] }
    const creationDate = Math.floor(Date.now() / 1000)
    const shopper = { contextKind: 'user', userKey: id, creationDate }
    const events: unknown[] = []
    let purchaseRate = demoBehaviour.purchaseRate
    for (const { key, variant } of flags) {
      if (!flagKeys.includes(key) || variant === undefined) continue
      purchaseRate += demoBehaviour.purchaseLift[key]?.[variant] ?? 0
      const feature = { kind: 'feature', key, variation: variant, default: false }
      events.push({ id: crypto.randomUUID(), ...feature, ...shopper })
      if (random() < (demoBehaviour.errorRates[key]?.[variant] ?? 0)) {
        events.push({
          id: crypto.randomUUID(),
          kind: 'tracking',
          key: 'vexil.flag_error',
          ...shopper,
          evaluationContext: context,
          trackingEventDetails: { flagKey: key, variant, errorType: 'TypeError' },
        })
      }
    }
    if (random() < purchaseRate) {
      const purchase = { kind: 'tracking', key: 'purchase', evaluationContext: context }
      events.push({ id: crypto.randomUUID(), ...purchase, ...shopper })
    }
    return events
  }

  async function tick(shoppers = shoppersPerTick): Promise<number> {
    const ids = Array.from({ length: shoppers }, () => `shopper-${run}-${(count += 1)}`)
    const events = (await Promise.all(ids.map(shop))).flat()
    const response = await fetch(`${flagServerUrl}/v1/data/collector`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ events, meta: { source: 'simulated shoppers' } }),
    })
    const { ingestedContentCount } = (await response.json()) as { ingestedContentCount: number }
    return ingestedContentCount
  }

  return { tick }
}

/** mulberry32: a small seeded generator. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
