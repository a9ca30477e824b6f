import { createDevServer } from '../createDevServer'
import { FlagFileError } from '../FlagFileError'
import type { CliIo } from './CliIo'
import { UsageError } from './CliIo'
import { integerOption, parseCommandArgs } from './parseCommandArgs'

/** `vexil dev [flags-file]`: serves until stopped. */
export async function runDevCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'admin-token': { type: 'string' },
    'audit-log': { type: 'string' },
    'events-log': { type: 'string' },
    'min-sample': { type: 'string' },
    rollouts: { type: 'string' },
    'rollout-check-interval': { type: 'string' },
  })
  if (positionals.length > 1) {
    throw new UsageError(`vexil dev serves one flags file, got ${positionals.length}`)
  }
  const port = integerOption('port', values.port, 8787)
  if (port > 65535) throw new UsageError(`--port must be at most 65535, not ${port}`)
  const minSample = integerOption('min-sample', values['min-sample'], 1000)
  if (minSample < 1) throw new UsageError('--min-sample must be at least 1')
  const checkInterval = integerOption(
    'rollout-check-interval',
    values['rollout-check-interval'],
    5000,
  )
  if (checkInterval < 1) throw new UsageError('--rollout-check-interval must be at least 1 (ms)')
  const server = createDevServer({
    flagsFile: positionals[0] ?? 'flags.json',
    port,
    host: values.host,
    adminToken: values['admin-token'] ?? io.env.VEXIL_ADMIN_TOKEN,
    auditLog: values['audit-log'],
    eventsLog: values['events-log'],
    minSample,
    rolloutsFile: values.rollouts,
    rolloutCheckIntervalMs: checkInterval,
    logger: {
      info: (message) => io.stdout(`${message}\n`),
      error: (message) => io.stderr(`${message}\n`),
    },
  })
  let url: string
  try {
    ;({ url } = await server.listen())
  } catch (error) {
    if (error instanceof FlagFileError) {
      io.stderr(`vexil: cannot start: ${error.message}\n`)
      return 1
    }
    throw error
  }
  io.stdout(
    `vexil dev server at ${url}\n  OFREP: ${url}/ofrep/v1/evaluate/flags\n  Stop with Ctrl-C.\n`,
  )
  await io.untilStopped()
  await server.close()
  return 0
}
