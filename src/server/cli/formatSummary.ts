import type { ExperimentSummary, FlagSummary } from '../summarizeExperiments'

/** The summary as plain-text tables, one per flag and tracking event. */
export function formatSummary(summary: ExperimentSummary): string {
  if (summary.flags.length === 0) {
    return 'No exposures collected yet. Point the SDK at this server and use some flags.\n'
  }
  const header = `Verdicts need ${summary.minSample} exposures per variant; significance level ${summary.significanceLevel}.\n`
  return [header, ...summary.flags.map(formatFlag)].join('\n')
}

function formatFlag(flag: FlagSummary): string {
  const title = `${flag.key}${flag.control ? ` (control: ${flag.control})` : ''}\n`
  if (flag.trackingEvents.length === 0) {
    const rows = flag.variants.map(({ variant, exposures }) => [variant, String(exposures)])
    return title + formatTable([['variant', 'exposed'], ...rows]) + '  (no tracking events yet)\n'
  }
  return (
    title +
    flag.trackingEvents
      .map((eventKey) => {
        const rows = flag.variants.map(({ variant, exposures, conversions }) => {
          const result = conversions[eventKey]
          const comparison = result?.comparison
          return [
            variant,
            String(exposures),
            String(result?.conversions ?? 0),
            result?.rate == null ? '-' : `${(result.rate * 100).toFixed(2)}%`,
            comparison?.z == null ? '' : comparison.z.toFixed(3),
            comparison?.pValue == null ? '' : comparison.pValue.toPrecision(3),
            comparison ? (comparison.verdict ?? `none: ${comparison.reason}`) : '',
          ]
        })
        const head = ['variant', 'exposed', 'converted', 'rate', 'z', 'p-value', 'verdict']
        return `  event "${eventKey}"\n` + formatTable([head, ...rows])
      })
      .join('')
  )
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
