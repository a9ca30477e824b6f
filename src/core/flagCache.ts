import { hashString } from './hashString'
import { parseBulkResponse } from './parseBulkResponse'
import type { EvaluatedFlag } from './types'
import { warnOnce } from './warnOnce'

/** The part of `localStorage` the cache uses; any synchronous key-value store fits. */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export interface CachedEvaluation {
  flags: EvaluatedFlag[]
  etag: string | undefined
  writtenAt: number
}

export interface FlagCache {
  read(identity: CacheIdentity): CachedEvaluation | undefined
  write(identity: CacheIdentity, entry: Omit<CachedEvaluation, 'writtenAt'>): void
}

/** Whose evaluation an entry holds. Two tenants or two users never share an entry. */
export interface CacheIdentity {
  baseUrl: string
  targetingKey: string | undefined
  credential: string | undefined
}

const version = 1
const prefix = 'vexil:flags:'
/** Larger entries are neither written nor trusted: they would crowd out the app's own storage. */
const maxEntryLength = 512 * 1024

/**
 * The last bulk evaluation per identity, persisted so a reload renders known values at once
 * (OFREP ADR-0009). A corrupt, foreign, expired or oversized entry is ignored and replaced.
 * Stream URLs are never stored: they may hold secrets.
 */
export function createFlagCache(storage: StorageLike, ttlMs: number): FlagCache {
  return {
    read(identity) {
      const key = keyFor(identity)
      let text: string | null
      try {
        text = storage.getItem(key)
      } catch {
        return undefined
      }
      if (text === null || text.length > maxEntryLength) return undefined
      const entry = parseEntry(text, fingerprintOf(identity))
      if (
        entry === undefined ||
        Date.now() - entry.writtenAt > ttlMs ||
        entry.writtenAt > Date.now()
      ) {
        return undefined
      }
      return entry
    },
    write(identity, { flags, etag }) {
      const stored = {
        version,
        fingerprint: fingerprintOf(identity),
        writtenAt: Date.now(),
        etag,
        flags: flags.map(({ source: _source, ...flag }) => flag),
      }
      const text = JSON.stringify(stored)
      if (text.length > maxEntryLength) return
      try {
        storage.setItem(keyFor(identity), text)
      } catch {
        warnOnce(
          'could not write the flag cache (storage full or unavailable); reloads will start from defaults.',
        )
      }
    },
  }
}

function keyFor(identity: CacheIdentity): string {
  return prefix + hashString(identityText(identity))
}

/** A second, independently seeded hash stored inside the entry: a key collision is not trusted. */
function fingerprintOf(identity: CacheIdentity): string {
  return hashString(identityText(identity), 0x9e3779b9)
}

function identityText({ baseUrl, targetingKey, credential }: CacheIdentity): string {
  return JSON.stringify([baseUrl, targetingKey ?? null, credential ?? null])
}

function parseEntry(text: string, fingerprint: string): CachedEvaluation | undefined {
  let stored: unknown
  try {
    stored = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof stored !== 'object' || stored === null) return undefined
  const entry = stored as Record<string, unknown>
  if (entry.version !== version || entry.fingerprint !== fingerprint) return undefined
  if (typeof entry.writtenAt !== 'number') return undefined
  if (entry.etag !== undefined && typeof entry.etag !== 'string') return undefined
  const parsed = parseBulkResponse({ flags: entry.flags }, 'cache')
  if (!parsed.ok) return undefined
  return { flags: parsed.flags, etag: entry.etag, writtenAt: entry.writtenAt }
}
