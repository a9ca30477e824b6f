import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'

/** An append-only JSON Lines file. Appends are queued so lines never interleave. */
export interface JsonLinesFile {
  readonly path: string
  append(records: readonly unknown[]): Promise<void>
  /** Every record, skipping lines that are not JSON (e.g. a line cut short by a crash). */
  readAll(): Promise<unknown[]>
}

export function jsonLinesFile(path: string): JsonLinesFile {
  let queue: Promise<unknown> = Promise.resolve()
  return {
    path,
    append(records) {
      if (records.length === 0) return queue.then(() => undefined)
      const text = records.map((record) => `${JSON.stringify(record)}\n`).join('')
      const write = queue.then(async () => {
        await mkdir(dirname(path), { recursive: true })
        await appendFile(path, text, 'utf8')
      })
      queue = write.catch(() => undefined)
      return write
    },
    async readAll() {
      await queue
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw error
      }
      return text.split('\n').flatMap((line) => {
        if (line.trim() === '') return []
        try {
          return [JSON.parse(line) as unknown]
        } catch {
          return []
        }
      })
    },
  }
}
