import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { createFlagClient, FlagProvider, useFlag } from 'vexil'
import type { FlagClient } from 'vexil'
import { flagKeys } from './flagKeys'
import { startBulkService } from './startBulkService'
import { startCollector } from './startCollector'

export interface ExposureResults {
  renders: number
  flags: number
  requests: number
  bytes: number
  events: number
  duplicateIds: number
  /** Events beyond the first for the same flag, variant and user. */
  duplicateExposures: number
}

interface ReaderProps {
  flagKey: string
  round: number
  onRender: () => void
}

function Reader({ flagKey, round, onRender }: ReaderProps) {
  onRender()
  return <li>{`${flagKey} ${String(useFlag(flagKey, false))} ${round}`}</li>
}

interface PageProps {
  client: FlagClient
  keys: string[]
  round: number
  onRender: () => void
}

function Page({ client, keys, round, onRender }: PageProps) {
  return (
    <FlagProvider client={client}>
      <ul>
        {keys.map((key) => (
          <Reader key={key} flagKey={key} round={round} onRender={onRender} />
        ))}
      </ul>
    </FlagProvider>
  )
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  }
}

/**
 * `rounds` re-renders of a page of readers of `flags` different flags, every flag on, with the
 * client's default batching to a collector on loopback; then what reached the collector.
 */
export async function measureExposures(flags: number, rounds: number) {
  const keys = flagKeys(flags)
  const service = await startBulkService(Object.fromEntries(keys.map((key) => [key, true])))
  const collector = await startCollector()
  const client = createFlagClient({
    baseUrl: service.url,
    context: { targetingKey: 'bench-user' },
    changeDetection: 'none',
    cacheMode: 'disabled',
    storage: memoryStorage(),
    exposures: { url: collector.url },
  })
  await client.start()
  const root = createRoot(document.body.appendChild(document.createElement('div')))
  let renders = 0
  const onRender = () => void (renders += 1)
  for (let round = 0; round < rounds; round++) {
    flushSync(() =>
      root.render(<Page client={client} keys={keys} round={round} onRender={onRender} />),
    )
  }
  // Every exposure arrives within the flush interval (2 s by default); then wait one more for
  // anything sent late or twice.
  const deadline = Date.now() + 10_000
  while (collector.events().length < flags && Date.now() < deadline) await sleep(50)
  await sleep(2_200)
  const events = collector.events()
  const ids = events.map((event) => event.id)
  const exposures = events
    .filter((event) => event.kind === 'feature')
    .map((event) => `${event.key}/${event.variation}/${event.userKey}`)
  const results: ExposureResults = {
    renders,
    flags,
    requests: collector.requests(),
    bytes: collector.bytes(),
    events: events.length,
    duplicateIds: ids.length - new Set(ids).size,
    duplicateExposures: exposures.length - new Set(exposures).size,
  }
  root.unmount()
  client.close()
  await Promise.all([service.close(), collector.close()])
  return results
}
