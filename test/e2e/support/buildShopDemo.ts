import { fileURLToPath } from 'node:url'
import { build } from 'vite'

export const shopDirectory = fileURLToPath(new URL('../../../examples/shop/', import.meta.url))

/**
 * Builds the demo shop into `outDir`. By default as `npm start` serves it, in development mode (so
 * overrides and development diagnostics are on); `production` builds what users would get.
 */
export async function buildShopDemo(
  outDir: string,
  { mode = 'development' }: { mode?: 'development' | 'production' } = {},
): Promise<void> {
  await build({
    configFile: `${shopDirectory}vite.config.ts`,
    mode,
    // Explicit: under vitest NODE_ENV is 'test', which would turn the devtools off.
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: mode === 'production' },
  })
}
