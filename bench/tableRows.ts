import type { BenchResults, Outcome } from './benchResults'
import { formatBytes, formatCount, formatMs, formatRatio } from './formatTable'
import type { Bytes } from './size/measureBundleSize'

type Row = [section: string, figure: string, vexil: string, baseline: string, ratio: string]

export const tableHeader = ['#', 'Figure', 'vexil', 'Bare baseline', 'vexil ÷ baseline']

const bytes = ({ gzip, min }: Bytes) => `${formatBytes(gzip)} gzip (${formatBytes(min)} min)`

function failed<T>(section: string, outcome: Outcome<T>): Row[] | undefined {
  if (outcome.ok) return undefined
  return [[section, outcome.skipped ? 'not run' : 'failed', outcome.error, '', '']]
}

function sizeRows({ size }: BenchResults): Row[] {
  if (!size.ok) return failed('1', size)!
  const { entries, zustand, openFeature } = size.value
  const rows: Row[] = []
  for (const { subpath, label, size: measured, pendingIssue } of entries) {
    if (!measured) {
      rows.push(['1', label, `not built yet (issue ${pendingIssue})`, '', ''])
      continue
    }
    const isMain = subpath === '.'
    rows.push([
      '1',
      `${label}, up front`,
      bytes(measured.upFront),
      isMain ? `zustand: ${bytes(zustand.upFront)}` : '',
      isMain ? formatRatio(measured.upFront.gzip, zustand.upFront.gzip) : '',
    ])
    rows.push(['1', `${label}, lazy chunks`, bytes(measured.lazy), '', ''])
  }
  const main = entries.find(({ subpath }) => subpath === '.')?.size
  if (openFeature && main) {
    rows.push([
      '1',
      'reference: OpenFeature web SDK + OFREP provider, no React bindings',
      '',
      bytes(openFeature.upFront),
      formatRatio(main.upFront.gzip, openFeature.upFront.gzip),
    ])
  }
  return rows
}

function renderRows({ render }: BenchResults): Row[] {
  if (!render.ok) return failed('2, 3', render)!
  const { fanOut, mount } = render.value
  const { vexil, zustand } = fanOut
  const latency = ({ median, p95 }: { median: number; p95: number }) =>
    `${formatMs(median)} (p95 ${formatMs(p95)})`
  return [
    [
      '2',
      `readers re-rendered per flag change, ${formatCount(fanOut.readers)} mounted (max over ${fanOut.changes})`,
      formatCount(vexil.maxRenders),
      formatCount(zustand.maxRenders),
      '',
    ],
    [
      '2',
      'update → commit, median (vexil: refetch from a loopback OFREP service; bare: setState)',
      latency(vexil.updateToCommitMs),
      latency(zustand.updateToCommitMs),
      formatRatio(vexil.updateToCommitMs.median, zustand.updateToCommitMs.median),
    ],
    [
      '2',
      'store notification → commit, median',
      latency(vexil.notifyToCommitMs),
      latency(zustand.notifyToCommitMs),
      formatRatio(vexil.notifyToCommitMs.median, zustand.notifyToCommitMs.median),
    ],
    [
      '3',
      `mount ${formatCount(mount.readers)} readers, median of ${mount.runs}` +
        (mount.exposuresAtCommit === mount.readers ? ' (vexil: exposures reported within)' : ''),
      formatMs(mount.vexilMs),
      formatMs(mount.zustandMs),
      formatRatio(mount.vexilMs, mount.zustandMs),
    ],
  ]
}

function exposureRows({ render }: BenchResults): Row[] {
  if (!render.ok) return failed('5', render)!
  const { exposures } = render.value
  return [
    [
      '5',
      `collector requests for ${formatCount(exposures.renders)} renders over ${exposures.flags} flags`,
      formatCount(exposures.requests),
      '',
      '',
    ],
    ['5', 'collector bytes', formatBytes(exposures.bytes), '', ''],
    [
      '5',
      'exposure events / duplicate ids / duplicate exposures',
      `${formatCount(exposures.events)} / ${exposures.duplicateIds} / ${exposures.duplicateExposures}`,
      '',
      '',
    ],
  ]
}

function propagationRows({ propagation }: BenchResults): Row[] {
  if (!propagation.ok) return failed('4', propagation)!
  const result = propagation.value
  if ('skipped' in result) return [['4', 'server change → DOM in Chromium', result.skipped, '', '']]
  const { vexil, bare, notice, changes } = result
  return [
    [
      '4',
      `server change → DOM in Chromium over SSE, median of ${changes}`,
      formatMs(vexil.median),
      formatMs(bare.median),
      formatRatio(vexil.median, bare.median),
    ],
    ['4', 'server change → DOM, p95', formatMs(vexil.p95), formatMs(bare.p95), ''],
    [
      '4',
      'of which: server change → SSE notice on the page, median (same stream for both)',
      '',
      formatMs(notice.median),
      '',
    ],
  ]
}

function throughputRows({ throughput }: BenchResults): Row[] {
  if (!throughput.ok) return failed('6', throughput)!
  const { flags, seconds, runs } = throughput.value
  return runs.map(({ concurrency, vexil, bare }) => {
    const figure = (run: typeof vexil) =>
      `${formatCount(run.requestsPerSecond)}/s (median ${formatMs(run.latencyMs.median)})` +
      (run.failed > 0 ? `, ${run.failed} failed` : '')
    return [
      '6',
      `\`vexil dev\` bulk evaluations of ${flags} flags, ${concurrency} keep-alive connections, ${seconds} s`,
      figure(vexil),
      figure(bare),
      formatRatio(vexil.requestsPerSecond, bare.requestsPerSecond),
    ]
  })
}

export function tableRows(results: BenchResults): Row[] {
  return [
    ...sizeRows(results),
    ...renderRows(results),
    ...propagationRows(results),
    ...exposureRows(results),
    ...throughputRows(results),
  ]
}

/** Printed under the table: what each baseline is. */
export const baselineNotes = [
  'Baselines, measured in the same run: 1 zustand (vanilla + React hook) bundled the same way;',
  '2-3 a bare zustand store read with per-key selectors, useStore(store, (s) => s[key]), in the',
  'same jsdom process; 4 hand-written EventSource + fetch + textContent on the same page;',
  '6 node:http answering the same-size body without evaluating. Sizes: esbuild, minified,',
  'production, code splitting, react external. Wall-clock figures vary by machine; ratios less.',
]
