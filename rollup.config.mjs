import { dts } from 'rollup-plugin-dts'
import esbuild from 'rollup-plugin-esbuild'

// Each entry keeps the others external and imports them by package name, so an app that uses
// several entries still gets exactly one copy of the core.
const entries = {
  index: { input: 'src/index.ts', client: true },
  core: { input: 'src/core/index.ts', client: false },
  // The panel is a lazy chunk of these, loaded on first open.
  devtools: { input: 'devtools/index.tsx', client: true },
  'devtools-production': { input: 'devtools/production.ts', client: true },
  testing: { input: 'src/testing/index.ts', client: true },
  // msw is an optional peer: only this entry imports it.
  'testing-msw': { input: 'src/testing/msw.ts', client: false },
}

const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^zustand($|\/)/,
  /^vexil($|\/)/,
  /^msw($|\/)/,
]

const input = Object.fromEntries(
  Object.entries(entries).map(([name, entry]) => [name, entry.input]),
)

// React entries run only on the client in React Server Components frameworks.
const banner = (chunk) => (chunk.isEntry && entries[chunk.name]?.client ? "'use client'" : '')

// The dev flag server runs only in Node: builtins and its own dependencies stay external.
const serverExternal = [/^node:/, /^@openfeature\//, /^yaml$/, /^vexil($|\/)/]
const serverInput = { server: 'src/server/index.ts' }
const nodeEsbuild = () => esbuild({ target: 'node18', platform: 'node', tsconfig: 'tsconfig.json' })

export default [
  {
    input,
    external,
    plugins: [esbuild({ target: 'es2020', jsx: 'automatic', tsconfig: 'tsconfig.json' })],
    output: [
      // Lazy chunks (the exposure pipeline) keep the format's extension: `.js` is ESM here.
      {
        dir: 'dist',
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
        banner,
      },
      {
        dir: 'dist',
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: '[name]-[hash].cjs',
        banner,
      },
    ],
  },
  {
    input,
    external,
    plugins: [dts({ tsconfig: 'tsconfig.json' })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts' },
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts' },
    ],
  },
  {
    input: serverInput,
    external: serverExternal,
    plugins: [nodeEsbuild()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].js' },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs' },
    ],
  },
  {
    input: serverInput,
    external: serverExternal,
    plugins: [dts({ tsconfig: 'tsconfig.json' })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts' },
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts' },
    ],
  },
  {
    // The `vexil` bin: one ES module file with its own copy of the server code.
    input: { cli: 'src/server/cli/cli.ts' },
    external: serverExternal,
    plugins: [nodeEsbuild()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      banner: '#!/usr/bin/env node',
    },
  },
]
