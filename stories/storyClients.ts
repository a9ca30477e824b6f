import { createFlagClient } from 'vexil'
import type { FlagClient, FlagValue, JsonValue } from 'vexil'

export interface FixtureFlag {
  key: string
  value?: JsonValue
  variant?: string
  reason?: string
  metadata?: Record<string, JsonValue>
}

const themes = ['light', 'dark', 'sepia']

/** Thirty flags of every type, as a product's flag service would answer them. */
export const thirtyFlags: FixtureFlag[] = Array.from({ length: 30 }, (_, index) => {
  const name = ['checkout', 'search', 'onboarding', 'billing', 'profile', 'feed'][index % 6]
  const key = `${name}-${['redesign', 'experiment', 'limit', 'theme', 'config'][index % 5]}-${index}`
  switch (index % 5) {
    case 0:
      return {
        key,
        value: index % 2 === 0,
        variant: index % 2 === 0 ? 'on' : 'off',
        reason: 'TARGETING_MATCH',
        metadata: { variants: '["on","off"]' },
      }
    case 1:
      return {
        key,
        value: 'paypal',
        variant: 'paypal',
        reason: 'SPLIT',
        metadata: { variants: '["control","visa","paypal"]' },
      }
    case 2:
      return { key, value: index * 10, reason: 'STATIC' }
    case 3:
      return {
        key,
        value: themes[index % 3]!,
        variant: themes[index % 3]!,
        reason: 'DEFAULT',
        metadata: { variants: JSON.stringify(themes) },
      }
    default:
      return {
        key,
        value: { daily: index, regions: ['eu', 'us'] },
        variant: 'free',
        reason: 'DEFAULT',
      }
  }
})

type Answer = 'flags' | 'never' | 'unauthorized'

/**
 * A client whose `fetch` answers from fixtures, so stories need no network. Each story gets its
 * own storage, so overrides from one story do not show in another.
 */
export function storyClient(flags: FixtureFlag[], answer: Answer = 'flags'): FlagClient {
  const items = new Map<string, string>()
  return createFlagClient({
    baseUrl: 'https://flags.storybook.invalid',
    context: { targetingKey: 'qa-user-7', plan: 'pro', country: 'FR' },
    changeDetection: 'none',
    allowOverrides: true,
    storage: {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
    },
    fetch: async () => {
      if (answer === 'never') return new Promise<Response>(() => {})
      if (answer === 'unauthorized') {
        return Response.json({ errorDetails: 'invalid API key' }, { status: 401 })
      }
      return Response.json({ flags }, { headers: { ETag: '"fixture-1"' } })
    },
  })
}

/** Forces values once the client's override layer (a lazy chunk of the core) is ready. */
export async function forceOverrides(client: FlagClient, overrides: Record<string, FlagValue>) {
  const [first] = Object.keys(overrides)
  for (let attempt = 0; attempt < 100 && first !== undefined; attempt++) {
    Object.entries(overrides).forEach(([key, value]) => client.setOverride(key, value))
    if (client.getState().overrides[first] !== undefined) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
