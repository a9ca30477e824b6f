import { join } from 'node:path'
import type { PackedPackage } from '../installPackedPackage'
import { measureBundleSize } from './measureBundleSize'
import type { BundleSize } from './measureBundleSize'

export interface EntrySize {
  /** The exports map key, e.g. `.` or `./core`. */
  subpath: string
  label: string
  /** Absent when the package does not export the entry yet. */
  size?: BundleSize
  /** The issue that adds a missing entry. */
  pendingIssue?: number
}

export interface SizeResults {
  entries: EntrySize[]
  /** zustand with its React hook: the store vexil's hooks select from, bundled the same way. */
  zustand: BundleSize
  /** OpenFeature's web SDK with its OFREP provider (no React bindings), for reference. */
  openFeature?: BundleSize
}

// Add-on entries are measured with `vexil` itself left out: an app that imports them has it already.
const entries = [
  { label: '`vexil`', subpath: '.', mode: 'production', issue: 2, addOn: false },
  { label: '`vexil/core`', subpath: './core', mode: 'production', issue: 2, addOn: false },
  {
    label: '`vexil/devtools`, development build',
    subpath: './devtools',
    mode: 'development',
    issue: 5,
    addOn: true,
  },
  {
    label: '`vexil/devtools`, production build',
    subpath: './devtools',
    mode: 'production',
    issue: 5,
    addOn: true,
  },
  { label: '`vexil/testing`', subpath: './testing', mode: 'production', issue: 7, addOn: true },
] as const

const vexilExternal = { sharedExternal: true }

const notForBrowsers = ['./server', './package.json']

export async function measureSizes(packed: PackedPackage, root: string): Promise<SizeResults> {
  const measured: EntrySize[] = []
  for (const { label, subpath, mode, issue, addOn } of entries) {
    if (!packed.exports.includes(subpath)) {
      measured.push({ subpath, label, pendingIssue: issue })
      continue
    }
    const specifier = `vexil${subpath.slice(1)}`
    const source = `export * from '${specifier}'`
    const size = await measureBundleSize(packed.dir, source, mode, addOn ? vexilExternal : {})
    measured.push({ subpath, label: addOn ? `${label}, vexil external` : label, size })
  }
  // Entries added later (say, a production opt-in for devtools) are measured as they appear.
  const known = new Set<string>([...entries.map(({ subpath }) => subpath), ...notForBrowsers])
  for (const subpath of packed.exports.filter((each) => !known.has(each))) {
    const specifier = `vexil${subpath.slice(1)}`
    const source = `export * from '${specifier}'`
    const size = await measureBundleSize(packed.dir, source, 'production', vexilExternal)
    measured.push({ subpath, label: `\`${specifier}\`, vexil external`, size })
  }
  const zustand = await measureBundleSize(packed.dir, "export * from 'zustand'", 'production')
  const openFeature = await measureBundleSize(
    packed.dir,
    "export * from '@openfeature/web-sdk'\nexport * from '@openfeature/ofrep-web-provider'",
    'production',
    { nodePaths: [join(root, 'node_modules')] },
  ).catch(() => undefined)
  return { entries: measured, zustand, openFeature }
}
