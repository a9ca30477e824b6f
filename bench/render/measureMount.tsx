import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import type { Root } from 'react-dom/client'
import { createFlagClient, FlagProvider } from 'vexil'
import type { FlagClient } from 'vexil'
import { createStore } from 'zustand'
import { median } from '../stats'
import { allOff, flagKeys, nextTask } from './flagKeys'
import { FlagReader, StoreReader } from './readers'
import type { BareStore } from './readers'
import { startBulkService } from './startBulkService'

export interface MountResults {
  readers: number
  runs: number
  vexilMs: number
  zustandMs: number
  /** Exposures reported by the time a vexil mount returned (their effects ran in the commit). */
  exposuresAtCommit: number
}

function FlagList({ client, keys }: { client: FlagClient; keys: string[] }) {
  return (
    <FlagProvider client={client}>
      <ul>
        {keys.map((key) => (
          <FlagReader key={key} flagKey={key} />
        ))}
      </ul>
    </FlagProvider>
  )
}

function StoreList({ store, keys }: { store: BareStore; keys: string[] }) {
  return (
    <ul>
      {keys.map((key) => (
        <StoreReader key={key} flagKey={key} store={store} />
      ))}
    </ul>
  )
}

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {})

/** Times one synchronous mount of `render` into a fresh root; the root is unmounted after. */
function timeMount(
  render: (root: Root) => void,
  expectedItems: number,
  afterCommit = () => {},
): number {
  const container = document.body.appendChild(document.createElement('div'))
  const root = createRoot(container)
  collectGarbage()
  const start = performance.now()
  flushSync(() => render(root))
  const elapsed = performance.now() - start
  afterCommit()
  const items = container.querySelectorAll('li').length
  root.unmount()
  container.remove()
  if (items !== expectedItems) throw new Error(`mounted ${items} readers, not ${expectedItems}`)
  return elapsed
}

/**
 * Mounts 1,000 readers of different flags into a fresh root, vexil's (values already fetched,
 * as on a page that navigates) and bare zustand's, alternating which goes first.
 */
export async function measureMount(readers: number, runs: number, warmup: number) {
  const keys = flagKeys(readers)
  const service = await startBulkService(allOff(keys))
  const vexil: number[] = []
  const zustand: number[] = []
  let exposuresAtCommit = 0
  for (let run = 0; run < warmup + runs; run++) {
    const client = createFlagClient({
      baseUrl: service.url,
      context: { targetingKey: 'bench-user' },
      changeDetection: 'none',
      cacheMode: 'disabled',
    })
    await client.start()
    let exposures = 0
    client.on('exposure', () => (exposures += 1))
    const store = createStore<Record<string, boolean>>()(() => allOff(keys))
    const mountVexil = () =>
      timeMount(
        (root) => root.render(<FlagList client={client} keys={keys} />),
        readers,
        () => (exposuresAtCommit = exposures),
      )
    const mountStore = () =>
      timeMount((root) => root.render(<StoreList store={store} keys={keys} />), readers)
    let vexilMs: number
    let zustandMs: number
    if (run % 2 === 0) {
      vexilMs = mountVexil()
      zustandMs = mountStore()
    } else {
      zustandMs = mountStore()
      vexilMs = mountVexil()
    }
    client.close()
    await nextTask()
    if (run < warmup) continue
    vexil.push(vexilMs)
    zustand.push(zustandMs)
  }
  await service.close()
  return {
    readers,
    runs,
    vexilMs: median(vexil),
    zustandMs: median(zustand),
    exposuresAtCommit,
  } satisfies MountResults
}
