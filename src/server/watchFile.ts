import { watch } from 'node:fs'
import { basename, dirname } from 'node:path'

/**
 * Calls `onChange` once a file has been quiet for `debounceMs` after a change. Watches the
 * directory, not the file, so editors that save by replacing the file are still seen.
 * Returns a function that stops watching.
 */
export function watchFile(path: string, debounceMs: number, onChange: () => void): () => void {
  const name = basename(path)
  let timer: ReturnType<typeof setTimeout> | undefined
  const watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
    if (changed !== null && changed !== name) return
    clearTimeout(timer)
    timer = setTimeout(onChange, debounceMs)
  })
  // The directory itself may vanish; the last good flags keep serving without a watcher.
  watcher.on('error', () => watcher.close())
  return () => {
    clearTimeout(timer)
    watcher.close()
  }
}
