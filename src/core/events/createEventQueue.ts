import { createBackoff } from '../backoff'
import type { HeadersOption } from '../options'
import { warnOnce } from '../warnOnce'
import type { CollectorEvent, CollectorMeta } from './CollectorEvent'
import { createOutbox } from './createOutbox'
import type { Outbox } from './createOutbox'
import { postEvents } from './postEvents'
import { resolveEventStorage } from './resolveEventStorage'
import type { EventStorage } from './resolveEventStorage'
import { sendBeforeHide } from './sendBeforeHide'
import type { SendBeacon } from './sendBeforeHide'

export interface EventQueueOptions {
  /**
   * The event collector, e.g. a GO Feature Flag relay proxy's data collector.
   * @example 'https://flags.example.com/v1/data/collector'
   */
  url: string
  /** Where the outbox is kept across reloads; use one key per client configuration. */
  storageKey: string
  /** The fetch implementation; defaults to the global `fetch` at request time. */
  fetch?: typeof fetch
  /** Sent with every request. A page-hide flush with headers uses `fetch` keepalive, not a beacon. */
  headers?: HeadersOption
  /**
   * Where the outbox survives reloads, crashes and outages; `null` keeps it in memory only.
   * @default localStorage, when it exists and works
   */
  storage?: EventStorage | null
  /**
   * A batch is sent as soon as this many events are waiting.
   * @default 50
   */
  batchSize?: number
  /**
   * Otherwise a batch is sent this long after the first event started waiting.
   * @default 2000
   */
  flushIntervalMs?: number
  /**
   * The outbox bound: beyond it the oldest waiting events are dropped, and the next batch's
   * `meta.droppedEvents` says how many.
   * @default 1000
   */
  maxEvents?: number
  /**
   * How long to wait for the collector before retrying.
   * @default 10000
   */
  timeoutMs?: number
  /** Sends a page-hide flush; defaults to `navigator.sendBeacon` when there is one. */
  sendBeacon?: SendBeacon
  /** Extra `meta` fields for every batch, e.g. `{ app: 'shop' }`. */
  meta?: CollectorMeta
}

export interface EventQueue {
  /** Sends what is waiting (including what a previous page left), and sends on page hide. */
  start(): void
  /** Adds an event to the outbox. Never throws; works before `start()` too. */
  enqueue(event: CollectorEvent): void
  /**
   * Sends everything waiting now, batch after batch, even during a retry wait. Resolves when the
   * outbox is empty or a send failed (a retry is then scheduled); never rejects.
   */
  flush(): Promise<void>
  /** Stops timers and page-hide listeners. Waiting events stay in the outbox for `start()`. */
  close(): void
}

type SendOutcome = 'sent' | 'refused' | 'failed' | 'idle'

/**
 * Delivers events to a collector at least once: batched by size and time, retried with backoff,
 * flushed by beacon when the page is hidden, and held in a bounded outbox persisted in storage
 * until a collector confirms them. Creating a queue does no I/O.
 * @example
 * const queue = createEventQueue({ url: 'https://flags.example.com/v1/data/collector', storageKey: 'vexil:events' })
 * queue.start()
 * queue.enqueue(toFeatureEvent({ key: 'new-checkout', value: true, variant: 'on', isDefault: false, context }))
 */
export function createEventQueue(options: EventQueueOptions): EventQueue {
  const config = resolveEventQueueOptions(options)
  const backoff = createBackoff()
  let outbox: Outbox | undefined
  let running = false
  let sending: Promise<SendOutcome> | undefined
  let batchTimer: ReturnType<typeof setTimeout> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let stopListening: (() => void) | undefined

  // Storage is read at the first use, not at creation.
  const box = () =>
    (outbox ??= createOutbox({
      storage: resolveEventStorage(options.storage),
      storageKey: config.storageKey,
      maxEvents: config.maxEvents,
    }))

  function schedule() {
    if (!running || sending !== undefined || retryTimer !== undefined) return
    const waiting = box().waiting().length
    if (waiting >= config.batchSize) void sendBatch()
    else if (waiting > 0) batchTimer ??= setTimeout(() => void sendBatch(), config.flushIntervalMs)
  }

  function sendBatch(): Promise<SendOutcome> {
    clearTimeout(batchTimer)
    batchTimer = undefined
    if (sending !== undefined) return sending
    const batch = box().waiting().slice(0, config.batchSize)
    if (batch.length === 0) return Promise.resolve('idle')
    const done = deliver(batch).finally(() => {
      sending = undefined
      schedule()
    })
    sending = done
    return done
  }

  async function deliver(batch: CollectorEvent[]): Promise<SendOutcome> {
    const outbox = box()
    outbox.claim(batch)
    const dropped = outbox.dropped()
    const meta = dropped > 0 ? { ...config.meta, droppedEvents: dropped } : config.meta
    const result = await postEvents({
      url: config.url,
      headers: config.headers,
      fetch: config.fetch,
      timeoutMs: config.timeoutMs,
      body: JSON.stringify({ events: batch, meta }),
      contentType: 'application/json',
    })
    if (result.kind === 'failed') {
      outbox.release(batch)
      warnOnce(result.message)
      if (running) {
        const delay = Math.max(backoff.next(), result.retryAfterMs ?? 0)
        retryTimer = setTimeout(() => {
          retryTimer = undefined
          void sendBatch()
        }, delay)
      }
      return 'failed'
    }
    outbox.remove(batch)
    if (result.kind === 'refused') {
      warnOnce(result.message)
      return 'refused'
    }
    outbox.acknowledgeDropped(dropped)
    backoff.reset()
    return 'sent'
  }

  function onHide() {
    clearTimeout(batchTimer)
    batchTimer = undefined
    sendBeforeHide({
      ...config,
      outbox: box(),
      sendBeacon: options.sendBeacon,
      onSettled: schedule,
    })
  }

  return {
    start() {
      if (running) return
      running = true
      stopListening = listenForPageHide(onHide)
      schedule()
    },
    enqueue(event) {
      try {
        // An event that cannot be serialised would poison every batch it joined.
        JSON.stringify(event)
      } catch (cause) {
        warnOnce(`dropped an event that cannot be sent as JSON: ${String(cause)}`)
        return
      }
      box().add(event)
      schedule()
    },
    async flush() {
      clearTimeout(retryTimer)
      retryTimer = undefined
      for (;;) {
        const outcome = await (sending ?? sendBatch())
        if (outcome === 'failed' || outcome === 'idle') return
      }
    },
    close() {
      running = false
      stopListening?.()
      stopListening = undefined
      clearTimeout(batchTimer)
      clearTimeout(retryTimer)
      batchTimer = undefined
      retryTimer = undefined
    },
  }
}

/** Page hide is the last reliable moment to send: `unload` may never fire, on mobile above all. */
function listenForPageHide(onHide: () => void): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {}
  const onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') onHide()
  }
  window.addEventListener('pagehide', onHide)
  document.addEventListener('visibilitychange', onVisibilityChange)
  return () => {
    window.removeEventListener('pagehide', onHide)
    document.removeEventListener('visibilitychange', onVisibilityChange)
  }
}

function resolveEventQueueOptions(options: EventQueueOptions) {
  const {
    url,
    storageKey,
    fetch,
    headers,
    batchSize = 50,
    flushIntervalMs = 2_000,
    maxEvents = 1_000,
    timeoutMs = 10_000,
    meta = {},
  } = options
  if (typeof url !== 'string' || url.trim() === '') {
    throw new TypeError(
      `[vexil] createEventQueue: \`url\` must be the event collector URL, e.g. 'https://flags.example.com/v1/data/collector'.`,
    )
  }
  const counts = { batchSize, flushIntervalMs, maxEvents, timeoutMs }
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new TypeError(
        `[vexil] createEventQueue: \`${name}\` must be a positive whole number, got ${String(value)}.`,
      )
    }
  }
  return { url, storageKey, fetch, headers, meta, ...counts }
}
