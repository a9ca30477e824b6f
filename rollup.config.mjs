import { dts } from 'rollup-plugin-dts'
import esbuild from 'rollup-plugin-esbuild'

// Each entry keeps the others external and imports them by package name, so an app that uses
// several entries still gets exactly one copy of the core.
const entries = {
  index: { input: 'src/index.ts', client: true },
  core: { input: 'src/core/index.ts', client: false },
}

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^zustand($|\/)/, /^vexil($|\/)/]

const input = Object.fromEntries(
  Object.entries(entries).map(([name, entry]) => [name, entry.input]),
)

// React entries run only on the client in React Server Components frameworks.
const banner = (chunk) => (entries[chunk.name]?.client ? "'use client'" : '')

export default [
  {
    input,
    external,
    plugins: [esbuild({ target: 'es2020', jsx: 'automatic', tsconfig: 'tsconfig.json' })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].js', banner },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', banner },
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
]
