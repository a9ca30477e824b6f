import type { Comparison, ExperimentSummary, FlagSummary } from '../summarizeExperiments'

/** The summary as plain-text tables: per flag, its health, then one table per tracking event. */
export function formatSummary(summary: ExperimentSummary): string {
  if (summary.flags.length === 0) {
    return 'No exposures collected yet. Point the SDK at this server and use some flags.\n'
  }
  const header = `Verdicts need ${summary.minSample} exposures per variant; significance level ${summary.significanceLevel}.\n`
  return [header, ...summary.flags.map(formatFlag)].join('\n')
}

function formatFlag(flag: FlagSummary): string {
  const title = `${flag.key}${flag.control ? ` (control: ${flag.control})` : ''}\n`
  const conversions =
    flag.trackingEvents.length === 0
      ? '  (no tracking events yet)\n'
      : flag.trackingEvents.map((eventKey) => formatConversions(flag, eventKey)).join('')
  return title + formatHealth(flag) + conversions
}

function formatHealth(flag: FlagSummary): string {
  const rows = flag.variants.map(({ variant, exposures, errors }) => [
    variant,
    String(exposures),
    String(errors.users),
    formatRate(errors.rate),
    ...formatComparison(errors.comparison),
  ])
  const head = ['variant', 'exposed', 'errors', 'error rate', 'z', 'p-value', 'verdict']
  return '  health ("better" means fewer errors)\n' + formatTable([head, ...rows])
}

function formatConversions(flag: FlagSummary, eventKey: string): string {
  const rows = flag.variants.map(({ variant, exposures, conversions }) => {
    const result = conversions[eventKey]
    return [
      variant,
      String(exposures),
      String(result?.conversions ?? 0),
      formatRate(result?.rate ?? null),
      ...formatComparison(result?.comparison),
    ]
  })
  const head = ['variant', 'exposed', 'converted', 'rate', 'z', 'p-value', 'verdict']
  return `  event "${eventKey}"\n` + formatTable([head, ...rows])
}

function formatRate(rate: number | null): string {
  return rate === null ? '-' : `${(rate * 100).toFixed(2)}%`
}

/** The z, p-value and verdict cells; empty for the control, which has nothing to compare with. */
function formatComparison(comparison: Comparison | undefined): string[] {
  return [
    comparison?.z == null ? '' : comparison.z.toFixed(3),
    comparison?.pValue == null ? '' : comparison.pValue.toPrecision(3),
    comparison ? (comparison.verdict ?? `none: ${comparison.reason}`) : '',
  ]
}

function formatTable(rows: string[][]): string {
  const columns = rows[0]?.map((_, column) => rows.map((row) => row[column] ?? '')) ?? []
  const widths = columns.map((cells) => Math.max(...cells.map((cell) => cell.length)))
  // Numbers line up on the right, names and verdicts on the left.
  const numeric = columns.map((cells) =>
    cells.slice(1).every((cell) => /^(-?[\d.]+%?|-|)$/.test(cell)),
  )
  return rows
    .map((row) => {
      const cells = row.map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      return `    ${cells.join('  ').trimEnd()}\n`
    })
    .join('')
}
