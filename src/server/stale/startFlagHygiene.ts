import type { FlagStore } from '../createFlagStore'
import type { DevServerLogger } from '../DevServerOptions'
import { createFlagHistory } from './createFlagHistory'
import type { FlagHistory } from './createFlagHistory'
import { parseExpires } from './parseExpires'
import { servedFormHash } from './servedFormHash'

export interface FlagHygiene {
  history: FlagHistory
  /** Stops following the store and waits for the last history write. */
  stop(): Promise<void>
}

/**
 * Keeps the flag history in step with the served flags (file edits, admin and rollout changes
 * all go through the store) and warns about flags past their kill date: every one at start,
 * then each one that an edit, or the passing of time noticed at an edit, makes newly expired.
 */
export async function startFlagHygiene(
  store: FlagStore,
  historyFile: string,
  logger: DevServerLogger,
  fileName: string,
): Promise<FlagHygiene> {
  const history = createFlagHistory(historyFile)
  await history.load().catch((error: unknown) => {
    logger.error(`[vexil] ${(error as Error).message}; starting a new flag history.`)
  })
  let expired = new Set<string>()

  function update(): Promise<void> {
    const { flags, $evaluators } = store.servedFile()
    const now = Date.now()
    const nowExpired = new Set<string>()
    const newlyExpired: string[] = []
    for (const [key, flag] of Object.entries(flags)) {
      const expiresAt = parseExpires(flag.metadata?.expires)
      if (expiresAt === null || expiresAt > now) continue
      nowExpired.add(key)
      if (expired.has(key)) continue
      const owner = flag.metadata?.owner
      const by = owner === undefined ? 'no owner in its metadata' : `owner: ${owner}`
      newlyExpired.push(`  - "${key}" expired on ${flag.metadata?.expires} (${by})`)
    }
    expired = nowExpired
    if (newlyExpired.length > 0) {
      // A warning that asks for action goes to stderr (`error`), apart from the request log.
      logger.error(
        `[vexil] ${fileName} has flags past their kill date (metadata "expires"); remove each flag and its code paths, or move its date:\n${newlyExpired.join('\n')}`,
      )
    }
    const forms = Object.entries(flags).map(
      ([key, flag]) => [key, servedFormHash(flag, $evaluators)] as const,
    )
    return history.record(new Map(forms))
  }

  const reportWriteFailure = (error: unknown) =>
    logger.error(`[vexil] cannot write ${historyFile}: ${(error as Error).message}`)
  await update().catch(reportWriteFailure)
  const unsubscribe = store.subscribe(() => {
    update().catch(reportWriteFailure)
  })
  return {
    history,
    async stop() {
      unsubscribe()
      await history.flush()
    },
  }
}
