import type { ExperimentSummary } from '../summarizeExperiments'
import type { CliIo } from './CliIo'
import { defaultServerUrl, UsageError } from './CliIo'
import { formatSummary } from './formatSummary'
import { parseCommandArgs } from './parseCommandArgs'
import { requestServer } from './requestServer'

/** `vexil report`: the experiment readout of a running dev server, as tables. */
export async function runReportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { server: { type: 'string' } })
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
  const server = values.server ?? io.env.VEXIL_SERVER ?? defaultServerUrl
  let url: string
  try {
    url = new URL('v1/data/summary', server.replace(/\/?$/, '/')).href
  } catch {
    throw new UsageError(`--server must be a URL like ${defaultServerUrl}, not "${server}"`)
  }
  const summary = (await requestServer(io, url)) as ExperimentSummary
  io.stdout(formatSummary(summary))
  return 0
}
