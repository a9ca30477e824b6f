import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDevServer } from 'vexil/server'
import type { DevServer, DevServerOptions } from 'vexil/server'

export interface RunningDevServer {
  server: DevServer
  url: string
  directory: string
  flagsFile: string
  logs: { info: string[]; error: string[] }
  writeFlags(flags: unknown): void
}

const running: { server: DevServer; directory: string }[] = []

/** A dev server on 127.0.0.1 and a free port, serving `flags` from a fresh temporary directory. */
export async function startDevServer(
  flags: unknown,
  options: Partial<DevServerOptions> & { fileName?: string } = {},
): Promise<RunningDevServer> {
  const { fileName = 'flags.json', ...serverOptions } = options
  const directory = mkdtempSync(join(tmpdir(), 'vexil-dev-'))
  const flagsFile = join(directory, fileName)
  const writeFlags = (content: unknown) =>
    writeFileSync(
      flagsFile,
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    )
  writeFlags(flags)
  const logs = { info: [] as string[], error: [] as string[] }
  const server = createDevServer({
    flagsFile,
    host: '127.0.0.1',
    port: 0,
    reloadDebounceMs: 20,
    logger: {
      info: (message) => logs.info.push(message),
      error: (message) => logs.error.push(message),
    },
    ...serverOptions,
  })
  running.push({ server, directory })
  const { url } = await server.listen()
  return { server, url, directory, flagsFile, logs, writeFlags }
}

export async function closeDevServers(): Promise<void> {
  const all = running.splice(0)
  await Promise.all(all.map(({ server }) => server.close()))
  for (const { directory } of all) rmSync(directory, { recursive: true, force: true })
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

/** Evaluates every flag for `context` and answers the items by key. */
export async function evaluateAll(url: string, context: Record<string, unknown> = {}) {
  const response = await postJson(`${url}/ofrep/v1/evaluate/flags`, { context })
  const body = (await response.json()) as { flags: { key: string; [field: string]: unknown }[] }
  return Object.fromEntries(body.flags.map((flag) => [flag.key, flag]))
}

/** Polls until `check` passes or a second has gone by (file watching is asynchronous). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
}

/** An open SSE stream read event by event; comment lines are collected apart. */
export async function openEventStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController()
  const response = await fetch(url, { headers, signal: controller.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  const comments: string[] = []
  async function nextBlock(): Promise<string> {
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        return block
      }
      const { value, done } = await reader.read()
      if (done) throw new Error('the event stream ended')
      buffer += value
    }
  }
  return {
    response,
    comments,
    /** The next event, as its fields; comments met on the way are kept in `comments`. */
    async nextEvent(): Promise<{ id?: string; event?: string; data: unknown }> {
      for (;;) {
        const block = await nextBlock()
        if (block.startsWith(':')) {
          comments.push(block)
          continue
        }
        const fields = Object.fromEntries(
          block.split('\n').map((line) => {
            const colon = line.indexOf(':')
            return [line.slice(0, colon), line.slice(colon + 1).trimStart()]
          }),
        )
        return { id: fields.id, event: fields.event, data: JSON.parse(fields.data ?? 'null') }
      }
    },
    nextComment: async () => {
      for (;;) {
        const block = await nextBlock()
        if (block.startsWith(':')) return block
      }
    },
    close: () => controller.abort(),
  }
}
