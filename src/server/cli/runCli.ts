import type { CliIo } from './CliIo'
import { UsageError } from './CliIo'
import { runDevCommand } from './runDevCommand'
import { runFlagSetCommand } from './runFlagSetCommand'
import { runReportCommand } from './runReportCommand'
import { runRolloutCommand } from './runRolloutCommand'
import { runTypegenCommand } from './runTypegenCommand'
import { usage } from './usage'

/** Runs `vexil <command> …` and resolves with the exit code. Never throws. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args
  try {
    switch (command) {
      case 'dev':
        return await runDevCommand(rest, io)
      case 'flag':
        if (rest[0] !== 'set') {
          throw new UsageError(`unknown command "flag ${rest[0] ?? ''}"; did you mean "flag set"?`)
        }
        return await runFlagSetCommand(rest.slice(1), io)
      case 'report':
        return await runReportCommand(rest, io)
      case 'rollout':
        return await runRolloutCommand(rest, io)
      case 'typegen':
        return runTypegenCommand(rest, io)
      case undefined:
        io.stderr(usage)
        return 2
      case 'help':
      case '--help':
      case '-h':
        io.stdout(usage)
        return 0
      default:
        throw new UsageError(`unknown command "${command}"`)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`vexil: ${error.message}\n\n${usage}`)
      return 2
    }
    io.stderr(`vexil: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
}
