import type { StaleFlag, StaleFlagsReport } from '../stale/findStaleFlags'

/** One line per stale flag with its reasons; `period` is how `rolledOutFor` was asked for. */
export function formatStaleFlags(report: StaleFlagsReport, period: string): string {
  const criteria = `expired, fully rolled out or back for at least ${period}, or never exposed`
  if (report.flags.length === 0) return `No stale flags (${criteria}).\n`
  const width = Math.max(...report.flags.map(({ key }) => key.length))
  const lines = report.flags.map((flag) => {
    const reasons = flag.reasons.map((reason) => describe(reason, flag)).join('; ')
    const owner = flag.owner === undefined ? '' : ` (owner: ${flag.owner})`
    return `  ${flag.key.padEnd(width)}  ${reasons}${owner}\n`
  })
  const count = report.flags.length === 1 ? '1 stale flag' : `${report.flags.length} stale flags`
  return (
    `${count} (${criteria}):\n` +
    lines.join('') +
    'Remove each one and its code paths, or give it a later "expires" date in its metadata.\n'
  )
}

function describe(reason: StaleFlag['reasons'][number], flag: StaleFlag): string {
  const since = flag.since?.slice(0, 10)
  switch (reason) {
    case 'expired':
      return `expired on ${flag.expires}`
    case 'rolled-out':
      return `fully rolled out to "${flag.variant}" since ${since}`
    case 'rolled-back':
      return `fully rolled back (everyone gets the code default) since ${since}`
    case 'never-exposed':
      return 'never exposed'
  }
}
