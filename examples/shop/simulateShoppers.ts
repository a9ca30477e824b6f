/**
 * Simulated shoppers for the demo's guarded rollouts: each tick, new shoppers are evaluated by the
 * flag server (so each gets the variant the rollout gives them, sticky by id) and report what a
 * real page would: exposures, a purchase now and then, and the errors of the broken
 * `shipping-estimate` variant, which fails for shoppers whose cart holds a gift card.
 */

export interface ShopperBehaviour {
  /** Chance that a shopper's page fails, by flag and variant; other variants never fail. */
  errorRates: Record<string, Record<string, number>>
  /** Chance that a shopper buys something. */
  purchaseRate: number
}

export const demoBehaviour: ShopperBehaviour = {
  // A third of the carts hold a gift card, which the new shipping estimate cannot weigh.
  errorRates: { 'shipping-estimate': { on: 0.33 } },
  purchaseRate: 0.3,
}

export interface ShopperSimulation {
  /** Sends one tick of shoppers now; resolves with how many events the collector accepted. */
  tick(shoppers?: number): Promise<number>
  stop(): void
}

const flagKeys = ['express-checkout', 'shipping-estimate', 'checkout-experiment', 'free-shipping']

export function simulateShoppers({
  flagServerUrl,
  behaviour = demoBehaviour,
  shoppersPerTick = 12,
  tickMs = 1500,
  seed = 1,
  onError = (error: unknown) => console.error('[shoppers]', error),
}: {
  flagServerUrl: string
  behaviour?: ShopperBehaviour
  shoppersPerTick?: number
  /** 0: only explicit `tick()` calls. */
  tickMs?: number
  seed?: number
  onError?: (error: unknown) => void
}): ShopperSimulation {
  const random = seededRandom(seed)
  let count = 0
  let timer: ReturnType<typeof setInterval> | undefined

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
    for (const { key, variant } of flags) {
      if (!flagKeys.includes(key) || variant === undefined) continue
      const feature = { kind: 'feature', key, variation: variant, default: false }
      events.push({ id: crypto.randomUUID(), ...feature, ...shopper })
      if (random() < (behaviour.errorRates[key]?.[variant] ?? 0)) {
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
    if (random() < behaviour.purchaseRate) {
      const purchase = { kind: 'tracking', key: 'purchase', evaluationContext: context }
      events.push({ id: crypto.randomUUID(), ...purchase, ...shopper })
    }
    return events
  }

  async function tick(shoppers = shoppersPerTick): Promise<number> {
    const ids = Array.from({ length: shoppers }, () => `shopper-${seed}-${(count += 1)}`)
    const events = (await Promise.all(ids.map(shop))).flat()
    const response = await fetch(`${flagServerUrl}/v1/data/collector`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ events, meta: { source: 'simulated shoppers' } }),
    })
    const { ingestedContentCount } = (await response.json()) as { ingestedContentCount: number }
    return ingestedContentCount
  }

  if (tickMs > 0) {
    timer = setInterval(() => void tick().catch(onError), tickMs)
  }
  return {
    tick,
    stop: () => clearInterval(timer),
  }
}

/** mulberry32: the same seed gives the same shoppers, so a demo run can be replayed. */
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
