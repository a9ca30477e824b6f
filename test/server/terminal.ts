import type { CliIo } from '../../src/server/cli/CliIo'

/** The CLI's outside world in memory: what it printed, and a Ctrl-C for long-running commands. */
export function terminal(env: Record<string, string> = {}) {
  let stopRequested: () => void = () => {}
  const output = { stdout: '', stderr: '' }
  const io: CliIo = {
    stdout: (text) => (output.stdout += text),
    stderr: (text) => (output.stderr += text),
    env,
    fetch: (input, init) => fetch(input, init),
    untilStopped: () => new Promise((resolve) => (stopRequested = resolve)),
  }
  return { io, output, stop: () => stopRequested() }
}
