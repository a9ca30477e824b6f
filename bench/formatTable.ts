/** A Markdown table with padded columns, readable in a terminal and pasteable into a README. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`
  return [
    line(header),
    `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n')
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export const formatCount = (count: number) => integer.format(count)

export const formatBytes = (bytes: number) => `${integer.format(bytes)} B`

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a'
  return `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0)} ms`
}

export function formatRatio(value: number, baseline: number): string {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return '—'
  const ratio = value / baseline
  return `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}×`
}
