import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

// These tests use the built and packed package, exactly as a consumer installs it.
const root = resolve(import.meta.dirname, '../..')
let consumer: string

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first.')
  consumer = mkdtempSync(join(tmpdir(), 'vexil-consumer-'))
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', consumer], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as [{ filename: string }]
  const modules = join(consumer, 'node_modules')
  mkdirSync(join(modules, 'vexil'), { recursive: true })
  execFileSync('tar', [
    '-xzf',
    join(consumer, packed[0].filename),
    '-C',
    join(modules, 'vexil'),
    '--strip-components=1',
  ])
  for (const dependency of ['react', 'react-dom', 'scheduler', 'zustand']) {
    symlinkSync(join(root, 'node_modules', dependency), join(modules, dependency))
  }
})

afterAll(() => rmSync(consumer, { recursive: true, force: true }))

function runNode(file: string, source: string): string {
  writeFileSync(join(consumer, file), source)
  return execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' }).trim()
}

const app = `
function App() {
  return createElement('p', null, useFlag('new-checkout', false) ? 'new checkout' : 'classic checkout')
}
const client = createFlagClient({ baseUrl: 'http://127.0.0.1:9', context: { targetingKey: 'user-1' } })
console.log(renderToString(createElement(FlagProvider, { client }, createElement(App))), core.createFlagClient === createFlagClient)
`

test('an ES module consumer imports and server-renders with the defaults', () => {
  const output = runNode(
    'consumer.mjs',
    `import { createElement } from 'react'
     import { renderToString } from 'react-dom/server'
     import { createFlagClient, FlagProvider, useFlag } from 'vexil'
     import * as core from 'vexil/core'
     ${app}`,
  )
  expect(output).toBe('<p>classic checkout</p> true')
})

test('a CommonJS consumer requires and server-renders with the defaults', () => {
  const output = runNode(
    'consumer.cjs',
    `const { createElement } = require('react')
     const { renderToString } = require('react-dom/server')
     const { createFlagClient, FlagProvider, useFlag } = require('vexil')
     const core = require('vexil/core')
     ${app}`,
  )
  expect(output).toBe('<p>classic checkout</p> true')
})

describe('entry files', () => {
  const dist = (file: string) =>
    readFileSync(join(consumer, 'node_modules/vexil/dist', file), 'utf8')

  test.each(['index.js', 'index.cjs'])(
    'the React entry %s starts with a use client directive',
    (file) => {
      expect(dist(file).startsWith("'use client'")).toBe(true)
    },
  )

  test.each(['core.js', 'core.cjs'])(
    '%s neither imports React nor claims to be client-only',
    (file) => {
      expect(dist(file)).not.toMatch(/['"]react(-dom)?['"/]|use client/)
    },
  )

  test('the React entry reuses the core entry instead of bundling a copy', () => {
    expect(dist('index.js')).toContain("from 'vexil/core'")
    expect(dist('index.js')).not.toContain('function createFlagClient')
  })
})

/** Bytes after bundling `source` the way an app's production build would, React left out. */
async function gzipBytes(source: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: consumer, loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    logLevel: 'silent',
  })
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length
}

// The whole public surface, including SSE change streams, the persisted cache and SSR bootstrap
// (4.4 kB before those arrived). Raise this only on purpose, with the growth in the change note.
test('vexil with its React bindings and zustand stays under 7.5 kB gzipped', async () => {
  const bytes = await gzipBytes("export * from 'vexil'")
  expect(bytes).toBeLessThan(7_500)
})

test('vexil/core with zustand stays under 6.8 kB gzipped', async () => {
  const bytes = await gzipBytes("export * from 'vexil/core'")
  expect(bytes).toBeLessThan(6_800)
})
