// @vitest-environment node
import { build } from 'esbuild'
import type { Plugin } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Resolves the package's own entry names to their sources, as tsconfig and vitest do.
const vexilSources: Plugin = {
  name: 'vexil-sources',
  setup(pluginBuild) {
    const entries: Record<string, string> = {
      vexil: source('../../src/index.ts'),
      'vexil/core': source('../../src/core/index.ts'),
      'vexil/devtools': source('../../devtools/index.tsx'),
    }
    pluginBuild.onResolve({ filter: /^vexil(\/.*)?$/ }, ({ path }) =>
      entries[path] ? { path: entries[path] } : undefined,
    )
  },
}

const app = `
import { createFlagClient, FlagProvider, useFlag } from 'vexil'
import { FlagDevtools, mountFlagDevtools } from 'vexil/devtools'
const client = createFlagClient({ baseUrl: 'https://flags.example.com' })
function Checkout() {
  return useFlag('new-checkout', false) ? 'new' : 'classic'
}
export function App() {
  return (
    <FlagProvider client={client}>
      <Checkout />
      <FlagDevtools />
    </FlagProvider>
  )
}
export const unmount = mountFlagDevtools(client)
`

// Strings only the devtools contain: the panel's text and styles, and the always-loaded part.
const devtoolsMarkers = [
  'Copy share link',
  'Reset all overrides',
  '--vexil-override',
  'vexil-devtools',
  'attachShadow',
  'vexil:devtools:open',
]

async function bundle(nodeEnv: 'production' | 'development') {
  const result = await build({
    stdin: { contents: app, loader: 'tsx', resolveDir: source('.') },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'out',
    write: false,
    minify: true,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    plugins: [vexilSources],
    logLevel: 'silent',
  })
  return result.outputFiles.map((file) => file.text)
}

test('a production build of an app that imports vexil/devtools contains none of the devtools', async () => {
  const output = (await bundle('production')).join('\n')
  expect(output).toContain('flags.example.com')
  for (const marker of devtoolsMarkers) expect(output).not.toContain(marker)
})

test('a development build of the same app has the devtools, with the panel in a lazy chunk', async () => {
  const files = await bundle('development')
  const [entry, ...chunks] = files
  expect(entry).toContain('vexil-devtools')
  expect(entry).not.toContain('Copy share link')
  expect(chunks.some((chunk) => chunk.includes('Copy share link'))).toBe(true)
})
