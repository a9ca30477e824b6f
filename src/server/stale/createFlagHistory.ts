import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { isJsonObject } from '../flagDefinition'

/** One flag's line of history: the form it is served in, and since when. */
export interface FlagHistoryEntry {
  /** `servedFormHash` of the served definition. */
  hash: string
  /** ISO 8601: when the flag was first served in this form. */
  since: string
}

/**
 * When each flag was first served in its current form, kept in a small JSON file so that
 * "fully rolled out for 30 days" survives restarts of the dev server.
 */
export interface FlagHistory {
  readonly path: string
  /** Reads what earlier runs recorded; rejects, keeping nothing, if the file is not a history. */
  load(): Promise<void>
  /**
   * Notes each served flag's form (key → hash): a form not seen before starts its clock now,
   * a flag no longer served is forgotten. Resolves when the file is written.
   */
  record(forms: ReadonlyMap<string, string>): Promise<void>
  /** When the flag was first served in its current form, in ms since the epoch. */
  since(key: string): number | undefined
  /** Resolves when every write so far has landed. */
  flush(): Promise<void>
}

export function createFlagHistory(path: string, now = () => Date.now()): FlagHistory {
  const entries = new Map<string, FlagHistoryEntry>()
  let writes: Promise<unknown> = Promise.resolve()

  function write(): Promise<void> {
    const next = writes.then(async () => {
      const flags = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1)))
      await mkdir(dirname(path), { recursive: true })
      // Written aside and renamed, so a crash mid-write cannot leave half a history behind.
      const temporary = `${path}.${process.pid}.tmp`
      await writeFile(temporary, `${JSON.stringify({ flags }, null, 2)}\n`, 'utf8')
      await rename(temporary, path)
    })
    writes = next.catch(() => undefined)
    return next
  }

  return {
    path,
    async load() {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
        throw error
      }
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch {
        throw new Error(`${path} is not valid JSON`)
      }
      if (!isJsonObject(parsed) || !isJsonObject(parsed.flags)) {
        throw new Error(`${path} has no "flags" object`)
      }
      for (const [key, entry] of Object.entries(parsed.flags)) {
        if (!isJsonObject(entry) || typeof entry.hash !== 'string') continue
        if (typeof entry.since !== 'string' || Number.isNaN(Date.parse(entry.since))) continue
        entries.set(key, { hash: entry.hash, since: entry.since })
      }
    },
    record(forms) {
      let changed = false
      for (const key of [...entries.keys()]) {
        if (forms.has(key)) continue
        entries.delete(key)
        changed = true
      }
      const since = new Date(now()).toISOString()
      for (const [key, hash] of forms) {
        if (entries.get(key)?.hash === hash) continue
        entries.set(key, { hash, since })
        changed = true
      }
      return changed ? write() : writes.then(() => undefined)
    },
    since(key) {
      const entry = entries.get(key)
      return entry && Date.parse(entry.since)
    },
    flush: () => writes.then(() => undefined),
  }
}
