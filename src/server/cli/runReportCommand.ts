import { parseDuration } from '../rollout/parseDuration'
import type { StaleFlagsReport } from '../stale/findStaleFlags'
import type { ExperimentSummary } from '../summarizeExperiments'
import type { CliIo } from './CliIo'
import { defaultServerUrl, UsageError } from './CliIo'
import { formatStaleFlags } from './formatStaleFlags'
import { formatSummary } from './formatSummary'
import { parseCommandArgs } from './parseCommandArgs'
import { requestServer } from './requestServer'

/**
 * `vexil report`: the experiment readout of a running dev server, as tables; with `--stale`, the
 * flags due for removal instead.
 */
export async function runReportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    server: { type: 'string' },
    stale: { type: 'boolean' },
    'rolled-out-for': { type: 'string' },
  })
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
  const given = values['rolled-out-for']
  if (given !== undefined && !values.stale) {
    throw new UsageError('--rolled-out-for only applies with --stale')
  }
  const server = values.server ?? io.env.VEXIL_SERVER ?? defaultServerUrl
  if (!values.stale) {
    const summary = await requestServer(io, serverUrl(server, 'v1/data/summary'))
    io.stdout(formatSummary(summary as ExperimentSummary))
    return 0
  }
  const period = given ?? '14d'
  const rolledOutFor = parseDuration(period)
  if (rolledOutFor === undefined) {
    throw new UsageError(
      `--rolled-out-for must be a duration like 14d, 12h, 30m or 45s, not "${period}"`,
    )
  }
  const url = serverUrl(server, `v1/data/stale?rolledOutFor=${Math.round(rolledOutFor)}`)
  const report = await requestServer(io, url)
  io.stdout(formatStaleFlags(report as StaleFlagsReport, period))
  return 0
}

function serverUrl(server: string, path: string): string {
  try {
    return new URL(path, server.replace(/\/?$/, '/')).href
  } catch {
    throw new UsageError(`--server must be a URL like ${defaultServerUrl}, not "${server}"`)
  }
}
