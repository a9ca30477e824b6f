import { fileURLToPath } from 'node:url'
import type { StorybookConfig } from '@storybook/react-vite'

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../*.stories.tsx'],
  core: { disableTelemetry: true },
  viteFinal(viteConfig) {
    // The stories import the package by name, like the tests, and run from the sources.
    viteConfig.resolve ??= {}
    viteConfig.resolve.alias = [
      { find: /^vexil\/core$/, replacement: source('../../src/core/index.ts') },
      {
        find: /^vexil\/devtools\/production$/,
        replacement: source('../../devtools/production.ts'),
      },
      { find: /^vexil\/testing$/, replacement: source('../../src/testing/index.ts') },
      { find: /^vexil$/, replacement: source('../../src/index.ts') },
    ]
    return viteConfig
  },
}

export default config
