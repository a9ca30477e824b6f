import type { Plugin } from 'esbuild'

/**
 * Resolves `vexil` and its subpaths from the consumer project that holds the packed package,
 * rather than from this checkout's sources (which tsconfig paths would pick).
 */
export function resolveFromConsumer(consumerDir: string): Plugin {
  return {
    name: 'resolve-vexil-from-consumer',
    setup(build) {
      build.onResolve({ filter: /^vexil(\/|$)/ }, ({ path, kind, pluginData }) => {
        // build.resolve runs this callback again: let esbuild's own resolver answer that call.
        if (pluginData === consumerDir) return undefined
        return build.resolve(path, { kind, resolveDir: consumerDir, pluginData: consumerDir })
      })
    },
  }
}
