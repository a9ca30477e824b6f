import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { createFlagClient, FlagProvider } from 'vexil'
import { createStore } from 'zustand'
import { median, percentile } from '../stats'
import { createCommitProbe } from './createCommitProbe'
import type { CommitProbe } from './createCommitProbe'
import { allOff, flagKeys, nextTask } from './flagKeys'
import { ProbedFlagReader, ProbedStoreReader } from './readers'
import { startBulkService } from './startBulkService'

export interface UpdateCost {
  /** Readers that rendered per flag change: the largest count seen over all changes. */
  maxRenders: number
  meanRenders: number
  /** From the update call (vexil: `refresh()` of a changed service) to the reader's commit. */
  updateToCommitMs: { median: number; p95: number }
  /** From the store notifying its first subscriber to the reader's commit. */
  notifyToCommitMs: { median: number; p95: number }
}

export interface FanOutResults {
  readers: number
  changes: number
  vexil: UpdateCost
  zustand: UpdateCost
}

interface Side {
  probe: CommitProbe
  update(key: string, value: boolean): Promise<void> | void
  renders: number[]
  updateToCommit: number[]
  notifyToCommit: number[]
}

/**
 * 1,000 mounted readers of different flags, vexil's next to a bare zustand store's, both in this
 * process. Each change flips one flag: on the service for vexil (the page learns it through a
 * refetch, as after a change notice), with `setState` for zustand. Sides alternate per change.
 */
export async function measureFanOut(readers: number, changes: number, warmup: number) {
  const keys = flagKeys(readers)
  const values = allOff(keys)
  const service = await startBulkService(values)
  const client = createFlagClient({
    baseUrl: service.url,
    context: { targetingKey: 'bench-user' },
    changeDetection: 'none',
    cacheMode: 'disabled',
  })
  const store = createStore<Record<string, boolean>>()(() => ({ ...values }))
  const vexil: Side = {
    probe: createCommitProbe(),
    update: () => client.refresh(),
    renders: [],
    updateToCommit: [],
    notifyToCommit: [],
  }
  const zustand: Side = {
    probe: createCommitProbe(),
    update: (key, value) => store.setState({ [key]: value }),
    renders: [],
    updateToCommit: [],
    notifyToCommit: [],
  }
  // Subscribed before React mounts, so these run first when the stores notify.
  client.subscribe((state, previous) => {
    if (state.flags !== previous.flags) vexil.probe.notified()
  })
  store.subscribe(() => zustand.probe.notified())
  await client.start()

  const vexilRoot = createRoot(document.body.appendChild(document.createElement('ul')))
  const storeRoot = createRoot(document.body.appendChild(document.createElement('ul')))
  flushSync(() => {
    vexilRoot.render(
      <FlagProvider client={client}>
        {keys.map((key) => (
          <ProbedFlagReader key={key} flagKey={key} probe={vexil.probe} />
        ))}
      </FlagProvider>,
    )
    storeRoot.render(
      keys.map((key) => (
        <ProbedStoreReader key={key} flagKey={key} probe={zustand.probe} store={store} />
      )),
    )
  })
  await nextTask()

  for (let change = 0; change < warmup + changes; change++) {
    // A stride coprime with the reader count visits every flag in turn.
    const key = keys[(change * 7919) % keys.length]!
    const value = !values[key]
    values[key] = value
    service.setFlag(key, value)
    for (const side of change % 2 === 0 ? [vexil, zustand] : [zustand, vexil]) {
      const committed = side.probe.expect(key)
      const start = performance.now()
      await side.update(key, value)
      const committedAt = await committed
      await nextTask()
      if (change < warmup) continue
      side.renders.push(side.probe.renders)
      side.updateToCommit.push(committedAt - start)
      side.notifyToCommit.push(committedAt - side.probe.notifiedAt)
    }
  }

  vexilRoot.unmount()
  storeRoot.unmount()
  client.close()
  await service.close()
  document.body.replaceChildren()
  const summarize = (side: Side): UpdateCost => ({
    maxRenders: Math.max(...side.renders),
    meanRenders: side.renders.reduce((total, count) => total + count, 0) / side.renders.length,
    updateToCommitMs: {
      median: median(side.updateToCommit),
      p95: percentile(side.updateToCommit, 0.95),
    },
    notifyToCommitMs: {
      median: median(side.notifyToCommit),
      p95: percentile(side.notifyToCommit, 0.95),
    },
  })
  return {
    readers,
    changes,
    vexil: summarize(vexil),
    zustand: summarize(zustand),
  } satisfies FanOutResults
}
