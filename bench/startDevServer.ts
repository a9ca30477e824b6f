import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type * as Server from 'vexil/server'
import type { PackedPackage } from './installPackedPackage'

/**
 * `vexil dev` from the packed package, serving `flags` from a temporary flag file on a free
 * loopback port. Its logs are dropped, except errors.
 */
export async function startDevServer(packed: PackedPackage, flags: unknown) {
  const { createDevServer } = (await import(packed.distUrl('server.js'))) as typeof Server
  const dir = mkdtempSync(join(tmpdir(), 'vexil-bench-flags-'))
  const flagsFile = join(dir, 'flags.json')
  writeFileSync(flagsFile, JSON.stringify(flags, null, 2))
  const server = createDevServer({
    flagsFile,
    port: 0,
    logger: { info: () => {}, error: (message) => process.stderr.write(`${message}\n`) },
  })
  const { url } = await server.listen()
  return {
    url,
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
