import type { FlagSnapshot } from './fetchFlagSnapshot'
import { parseBulkResponse } from './parseBulkResponse'
import type { EvaluatedFlag, EvaluationContext } from './types'
import { warnOnce } from './warnOnce'

/**
 * Checks a server-rendered snapshot before it seeds the store: values evaluated for another user,
 * or a snapshot that is malformed, are ignored with a development warning rather than trusted.
 */
export function readBootstrap(
  snapshot: FlagSnapshot | undefined,
  context: EvaluationContext,
): { flags: EvaluatedFlag[]; etag: string | undefined; fetchedAt: number } | undefined {
  if (snapshot === undefined || snapshot.flags?.length === 0) return undefined
  if (snapshot.context?.targetingKey !== context.targetingKey) {
    warnOnce(
      'the bootstrap snapshot was evaluated for another targetingKey than the client context; ignoring it.',
    )
    return undefined
  }
  const parsed = parseBulkResponse({ flags: snapshot.flags }, 'bootstrap')
  if (!parsed.ok || typeof snapshot.fetchedAt !== 'number') {
    warnOnce(
      `the bootstrap snapshot is not valid (${parsed.ok ? 'fetchedAt is missing' : parsed.problem}); ignoring it.`,
    )
    return undefined
  }
  return { flags: parsed.flags, etag: snapshot.etag, fetchedAt: snapshot.fetchedAt }
}
