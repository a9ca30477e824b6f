import { fetchBulkEvaluation } from './fetchBulkEvaluation'
import type { FlagClientOptions } from './options'
import { resolveHeaders } from './resolveHeaders'
import { assertContext } from './validateOptions'
import type { EvaluatedFlag, EvaluationContext } from './types'

/** Flags evaluated on a server, serialisable into the page for `createFlagClient({ bootstrap })`. */
export interface FlagSnapshot {
  context: EvaluationContext
  flags: Omit<EvaluatedFlag, 'source'>[]
  etag?: string
  /** When the service answered (ms since the epoch). */
  fetchedAt: number
  /** Why `flags` is empty, when the service could not be asked; the client then starts loading. */
  error?: string
}

export type FlagSnapshotOptions = Pick<
  FlagClientOptions,
  'baseUrl' | 'headers' | 'timeoutMs' | 'fetch'
> & { context: EvaluationContext }

/**
 * Evaluates flags once, for server rendering. Never rejects: when the service fails, the snapshot
 * is empty and says why, so the page still renders with defaults.
 * @example
 * const snapshot = await fetchFlagSnapshot({ baseUrl, context: { targetingKey: session.userId } })
 */
export async function fetchFlagSnapshot(options: FlagSnapshotOptions): Promise<FlagSnapshot> {
  if (process.env.NODE_ENV !== 'production') assertContext(options.context, 'fetchFlagSnapshot')
  const headers = await resolveHeaders(options.headers)
  if (!headers.ok) {
    return {
      context: options.context,
      flags: [],
      fetchedAt: Date.now(),
      error: headers.error.message,
    }
  }
  const result = await fetchBulkEvaluation({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    context: options.context,
    etag: undefined,
    headers: headers.headers,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    signal: new AbortController().signal,
  })
  const fetchedAt = Date.now()
  if (result.kind === 'updated') {
    const snapshot: FlagSnapshot = {
      context: options.context,
      flags: result.flags.map(({ source: _source, ...flag }) => flag),
      fetchedAt,
    }
    if (result.etag !== undefined) snapshot.etag = result.etag
    return snapshot
  }
  const error = result.kind === 'failed' ? result.error.message : 'the request was aborted.'
  return { context: options.context, flags: [], fetchedAt, error }
}
