import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
      { find: /^vexil\/core$/, replacement: source('./src/core/index.ts') },
      { find: /^vexil\/server$/, replacement: source('./src/server/index.ts') },
      {
        find: /^vexil\/devtools\/production$/,
        replacement: source('./devtools/production.ts'),
      },
      { find: /^vexil\/devtools$/, replacement: source('./devtools/index.tsx') },
      { find: /^vexil\/testing\/msw$/, replacement: source('./src/testing/msw.ts') },
      { find: /^vexil\/testing$/, replacement: source('./src/testing/index.ts') },
      { find: /^vexil$/, replacement: source('./src/index.ts') },
    ],
  },
  test: {
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/core/**/*.test.ts'],
          setupFiles: ['test/support/setupMsw.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/setupMsw.ts', 'test/support/setupReact.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'devtools',
          environment: 'jsdom',
          include: ['test/devtools/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/setupMsw.ts', 'test/devtools/setupDevtools.ts'],
          // The first open in a file waits for the lazy panel chunk to be transformed.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'testing',
          environment: 'jsdom',
          include: ['test/testing/**/*.test.{ts,tsx}'],
          setupFiles: ['test/support/setupMsw.ts', 'test/support/setupReact.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/globalSetup.ts'],
          // One Chromium at a time: timings stay meaningful on a two-core machine.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
