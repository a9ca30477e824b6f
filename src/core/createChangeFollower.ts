import type { StoreApi } from 'zustand/vanilla'
import { createChangeStream } from './createChangeStream'
import type { RefetchScheduler } from './createRefetchScheduler'
import type { RefetchNotice } from './fetchBulkEvaluation'
import type { ResolvedOptions } from './options'
import type { EventStreamDescriptor } from './parseEventStreams'
import type { FlagClientState } from './types'
import { isHidden, isOffline, watchPage } from './watchPage'

/** Notices that arrive this close together cost one refetch. */
const noticeCoalesceMs = 10
const defaultInactivityDelaySec = 120

export interface ChangeFollower {
  /** Follows the service's change streams (or polls), and the page's visibility and network. */
  start(): void
  /** Stops all of it; `start()` follows again. */
  stop(): void
  /** The change streams the service advertised in its latest full answer. */
  useStreams(streams: EventStreamDescriptor[]): void
}

/**
 * How the client learns that flags changed: OFREP change streams (ADR-0008) when the service
 * offers them, polling otherwise or while no stream is open, paused while the page is hidden or
 * offline, with the resulting `connection` kept in the state. Every trigger goes through the
 * scheduler, which decides when a request actually leaves.
 */
export function createChangeFollower(
  config: ResolvedOptions,
  store: StoreApi<FlagClientState>,
  scheduler: RefetchScheduler,
): ChangeFollower {
  const EventSource = config.EventSource ?? globalThis.EventSource
  const stream =
    config.changeDetection === 'sse' && typeof EventSource === 'function'
      ? createChangeStream({
          EventSource,
          onNotice: coalesceNotice,
          onReconnect: () => void scheduler.trigger({ automatic: true }),
          onStateChange: reconcile,
        })
      : undefined
  let streams: EventStreamDescriptor[] = []
  let running = false
  let hidden = false
  let offline = false
  let streamsClosedWhileHidden = false
  let connectedUrls = ''
  let pollTimer: ReturnType<typeof setInterval> | undefined
  let inactivityTimer: ReturnType<typeof setTimeout> | undefined
  let noticeTimer: ReturnType<typeof setTimeout> | undefined
  let queuedNotice: RefetchNotice | undefined
  let stopWatchingPage: (() => void) | undefined

  function coalesceNotice(notice: RefetchNotice): void {
    queuedNotice = notice
    noticeTimer ??= setTimeout(() => {
      noticeTimer = undefined
      void scheduler.trigger({ automatic: true, notice: queuedNotice })
    }, noticeCoalesceMs)
  }

  /** Connects, reconnects or drops the change stream and polling to match the current situation. */
  function reconcile(): void {
    if (stream) {
      const wanted =
        running && !streamsClosedWhileHidden ? streams.map(({ url }) => url).join('\n') : ''
      // Set first: connecting reports a state change, which lands back here.
      if (wanted !== connectedUrls) {
        connectedUrls = wanted
        if (wanted === '') stream.close()
        else stream.connect(streams)
      }
    }
    const streaming = stream?.state === 'open'
    const shouldPoll =
      running &&
      !hidden &&
      !offline &&
      config.pollIntervalMs > 0 &&
      (config.changeDetection === 'polling' || (config.changeDetection === 'sse' && !streaming))
    if (shouldPoll && pollTimer === undefined) {
      pollTimer = setInterval(
        () => void scheduler.trigger({ automatic: true }),
        config.pollIntervalMs,
      )
    } else if (!shouldPoll && pollTimer !== undefined) {
      clearInterval(pollTimer)
      pollTimer = undefined
    }
    const connection = !running
      ? 'idle'
      : offline
        ? 'offline'
        : streaming
          ? 'streaming'
          : pollTimer !== undefined
            ? 'polling'
            : stream?.state === 'connecting'
              ? 'connecting'
              : 'idle'
    if (store.getState().connection !== connection) store.setState({ connection })
  }

  const pageEvents = {
    onHidden() {
      hidden = true
      if (stream && stream.state !== 'closed') {
        const delaySec = config.inactivityDelaySec ?? shortestInactivityDelay(streams)
        inactivityTimer = setTimeout(() => {
          streamsClosedWhileHidden = true
          reconcile()
        }, delaySec * 1_000)
      }
      reconcile()
    },
    onVisible() {
      hidden = false
      clearTimeout(inactivityTimer)
      // OFREP ADR-0008: after the stream was closed for inactivity, only a full answer is trusted.
      const unconditional = streamsClosedWhileHidden
      streamsClosedWhileHidden = false
      reconcile()
      void scheduler.trigger({ automatic: true, conditional: !unconditional })
    },
    onOffline() {
      offline = true
      scheduler.pause()
      reconcile()
    },
    onOnline() {
      offline = false
      // Queued first, so the retry already waiting and this trigger leave as one request.
      void scheduler.trigger({ automatic: true, bypassBackoff: true })
      scheduler.resume()
      reconcile()
    },
  }

  return {
    start() {
      running = true
      hidden = isHidden()
      offline = isOffline()
      stopWatchingPage = watchPage(pageEvents)
      reconcile()
    },
    stop() {
      running = false
      clearTimeout(inactivityTimer)
      clearTimeout(noticeTimer)
      noticeTimer = undefined
      streamsClosedWhileHidden = false
      stopWatchingPage?.()
      reconcile()
    },
    useStreams(next) {
      streams = next
      reconcile()
    },
  }
}

function shortestInactivityDelay(streams: EventStreamDescriptor[]): number {
  const delays = streams.map((stream) => stream.inactivityDelaySec ?? defaultInactivityDelaySec)
  return delays.length > 0 ? Math.min(...delays) : defaultInactivityDelaySec
}
