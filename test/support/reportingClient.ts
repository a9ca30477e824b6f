import { afterEach } from 'vitest'
import { createFlagClient } from 'vexil'
import type { FlagClient, FlagClientOptions } from 'vexil'
import { collectorUrl } from './collector'
import { baseUrl } from './flagService'
import { memoryStorage } from './memoryStorage'

const clients: FlagClient[] = []
afterEach(() => clients.splice(0).forEach((client) => client.close()))

/**
 * A client of the msw flag service for user-1 that delivers to the msw collector every 20 ms, with
 * its own in-memory storage; closed after the test.
 */
export function newReportingClient(options: Partial<FlagClientOptions> = {}): FlagClient {
  const client = createFlagClient({
    baseUrl,
    context: { targetingKey: 'user-1' },
    exposures: { url: collectorUrl, flushIntervalMs: 20 },
    storage: memoryStorage().storage,
    ...options,
  })
  clients.push(client)
  return client
}
