/** The outside world of the CLI, injectable so tests can run commands in-process. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  env: Record<string, string | undefined>
  fetch: typeof fetch
  /** Resolves when the user asks a long-running command to stop (Ctrl-C). */
  untilStopped(): Promise<void>
}

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export const defaultServerUrl = 'http://127.0.0.1:8787'
