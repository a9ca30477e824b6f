import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// The demo imports the SDK by package name; these aliases point it at the sources, so it runs
// without a build of the package first (as vitest.config.ts does for the tests).
export default defineConfig({
  root: fromHere('.'),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^vexil\/core$/, replacement: fromHere('../../src/core/index.ts') },
      { find: /^vexil\/devtools$/, replacement: fromHere('../../devtools/index.tsx') },
      { find: /^vexil$/, replacement: fromHere('../../src/index.ts') },
    ],
  },
  server: { host: '127.0.0.1' },
})
