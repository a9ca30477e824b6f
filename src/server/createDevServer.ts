import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createEventCollector } from './createEventCollector'
import { displayPath } from './displayPath'
import { createEventStreamHub } from './createEventStreamHub'
import type { EventStreamHub } from './createEventStreamHub'
import { createFlagStore } from './createFlagStore'
import type { FlagStore } from './createFlagStore'
import { createRequestHandler } from './createRequestHandler'
import type { DevServerContext } from './DevServerContext'
import { resolveDevServerOptions } from './DevServerOptions'
import type { DevServerOptions } from './DevServerOptions'
import { FlagFileError } from './FlagFileError'
import { jsonLinesFile } from './jsonLinesFile'
import { parseFlagFile } from './parseFlagFile'
import { createRolloutEngine } from './rollout/createRolloutEngine'
import type { RolloutEngine } from './rollout/createRolloutEngine'
import { startFlagHygiene } from './stale/startFlagHygiene'
import { watchFile } from './watchFile'

export interface DevServer {
  /**
   * Reads the flag file, then starts serving and watching it. Rejects with a `FlagFileError`
   * that names the problem when the file cannot be served.
   */
  listen(): Promise<{ url: string; port: number }>
  /** Stops watching, ends open event streams and closes every connection. */
  close(): Promise<void>
  /** Reads the flag file again now; the watcher does this on every save. */
  reload(): Promise<void>
  /** How many event streams are open. */
  openStreamCount(): number
}

/**
 * A local OFREP flag service for development, demos and tests. Creating it does no I/O.
 *
 * @example
 * const server = createDevServer({ flagsFile: 'flags.json' })
 * const { url } = await server.listen() // http://127.0.0.1:8787
 */
export function createDevServer(options: DevServerOptions): DevServer {
  const resolved = resolveDevServerOptions(options)
  const { flagsFile, logger } = resolved
  const name = displayPath(flagsFile)
  let started: Promise<{ url: string; port: number }> | undefined
  let stop: (() => Promise<void>) | undefined
  let store: FlagStore | undefined
  let streams: EventStreamHub | undefined
  let rollouts: RolloutEngine | undefined
  let lastText: string | undefined
  let reloading = Promise.resolve()

  async function readFlagsText(): Promise<string> {
    try {
      return await readFile(flagsFile, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      throw new FlagFileError(
        code === 'ENOENT'
          ? `${name}: the file does not exist`
          : `${name}: cannot be read (${code})`,
      )
    }
  }

  async function reloadNow(): Promise<void> {
    if (!store) return
    let text: string
    try {
      text = await readFlagsText()
    } catch (error) {
      logger.error(`[vexil] ${(error as Error).message}; still serving the last good flags.`)
      return
    }
    if (text === lastText) return
    lastText = text
    try {
      const { changed, droppedChanges } = store.replaceFile(parseFlagFile(text, flagsFile))
      for (const key of droppedChanges) {
        logger.info(`[vexil] ${name} changed flag "${key}"; its admin change no longer applies.`)
      }
      if (changed.length > 0) {
        logger.info(
          `[vexil] reloaded ${name}: ${changed.map((key) => `"${key}"`).join(', ')} changed.`,
        )
      }
      await rollouts?.flagsChanged()
    } catch (error) {
      if (!(error instanceof FlagFileError)) throw error
      logger.error(
        `[vexil] rejected an edit of ${error.message}\n  Still serving the last good flags.`,
      )
    }
  }

  async function start(): Promise<{ url: string; port: number }> {
    lastText = await readFlagsText()
    const flagStore = createFlagStore(parseFlagFile(lastText, flagsFile))
    const hub = createEventStreamHub(resolved.keepAliveMs)
    flagStore.subscribe(() =>
      // OFREP ADR-0008 change notification: clients refetch their bulk evaluation.
      hub.broadcast({
        type: 'refetchEvaluation',
        etag: flagStore.configEtag(),
        lastModified: flagStore.lastModified(),
      }),
    )
    const collector = createEventCollector(jsonLinesFile(resolved.eventsLog))
    await collector.load()
    const auditLog = jsonLinesFile(resolved.auditLog)
    const rolloutEngine = createRolloutEngine({
      ...resolved,
      store: flagStore,
      collector,
      auditLog,
      checkIntervalMs: resolved.rolloutCheckIntervalMs,
    })
    await rolloutEngine.load()
    const hygiene = await startFlagHygiene(flagStore, resolved.historyFile, logger, name)
    let origin = ''
    const context: DevServerContext = {
      options: resolved,
      store: flagStore,
      streams: hub,
      auditLog,
      rollouts: rolloutEngine,
      collector,
      history: hygiene.history,
      originOf: (request) => {
        const host = request.headers.host
        return host && /^[\w.:[\]-]+$/.test(host) ? `http://${host}` : origin
      },
    }
    const httpServer = createServer(createRequestHandler(context))
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject)
      httpServer.listen(resolved.port, resolved.host, () => {
        httpServer.off('error', reject)
        resolve()
      })
    })
    const { port } = httpServer.address() as AddressInfo
    const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host
    origin = `http://${host}:${port}`
    store = flagStore
    streams = hub
    rollouts = rolloutEngine
    const stopRollouts = rolloutEngine.run()
    const unwatch = watchFile(flagsFile, resolved.reloadDebounceMs, () => {
      reloading = reloading.then(reloadNow)
    })
    stop = async () => {
      unwatch()
      await stopRollouts()
      hub.close()
      return new Promise<void>((resolve) => {
        httpServer.close(() => resolve())
        httpServer.closeAllConnections()
      }).then(() => hygiene.stop())
    }
    return { url: origin, port }
  }

  return {
    listen() {
      started ??= start().catch((error: unknown) => {
        started = undefined
        throw error
      })
      return started
    },
    async close() {
      if (!started) return
      await started.catch(() => undefined)
      started = undefined
      store = undefined
      await stop?.()
      stop = undefined
    },
    reload() {
      reloading = reloading.then(reloadNow)
      return reloading
    },
    openStreamCount: () => streams?.connectionCount() ?? 0,
  }
}
