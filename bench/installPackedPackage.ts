import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface PackedPackage {
  /** A temporary consumer project with the packed `vexil` in its node_modules. */
  dir: string
  /** The subpaths of the package's exports map, e.g. `.`, `./core`. */
  exports: string[]
  version: string
  /** A file URL to import a built entry of the installed package from Node, e.g. `server.js`. */
  distUrl(file: string): string
  dispose(): void
}

/**
 * Packs the built package and installs the tarball into a temporary consumer, as `npm install`
 * would, so every figure is of what users download. Dependencies link to this checkout's copies.
 * A tarball that lacks a file its exports map names (dist/ was being rebuilt while it was packed)
 * is packed again, a few times at most.
 */
export async function installPackedPackage(root: string): Promise<PackedPackage> {
  if (!existsSync(join(root, 'dist/index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (`npm run bench` does).')
  }
  for (let attempt = 1; ; attempt++) {
    const packed = packAndInstall(root)
    const missing = packed.missingFiles()
    if (missing.length === 0) return packed
    packed.dispose()
    if (attempt === 3) {
      throw new Error(`the packed package lacks ${missing.join(', ')}; run \`npm run build\``)
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000))
  }
}

function packAndInstall(root: string): PackedPackage & { missingFiles(): string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'vexil-bench-'))
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as [{ filename: string }]
  const modules = join(dir, 'node_modules')
  const installed = join(modules, 'vexil')
  mkdirSync(installed, { recursive: true })
  execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', installed, '--strip-components=1'])
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
    version: string
    exports: Record<string, unknown>
    dependencies?: Record<string, string>
    peerDependencies?: Record<string, string>
  }
  const linked = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    'react-dom',
    'scheduler',
  ]
  for (const name of new Set(linked)) {
    const target = join(modules, name)
    if (existsSync(target) || !existsSync(join(root, 'node_modules', name))) continue
    mkdirSync(dirname(target), { recursive: true })
    symlinkSync(join(root, 'node_modules', name), target)
  }
  return {
    dir,
    exports: Object.keys(manifest.exports),
    missingFiles: () =>
      exportedFiles(manifest.exports).filter((path) => !existsSync(join(installed, path))),
    version: manifest.version,
    distUrl: (file) => pathToFileURL(join(installed, 'dist', file)).href,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** Every file an exports map points at. */
function exportedFiles(target: unknown): string[] {
  if (typeof target === 'string') return [target]
  if (typeof target !== 'object' || target === null) return []
  return Object.values(target).flatMap(exportedFiles)
}
