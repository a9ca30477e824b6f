import { basename, dirname, extname, join, resolve } from 'node:path'

/** Where the server reports what it does. Errors go to stderr by default. */
export interface DevServerLogger {
  info(message: string): void
  error(message: string): void
}

export interface DevServerOptions {
  /**
   * The flag definition file, in the flagd format (JSON, or YAML for `.yaml`/`.yml`). It is
   * watched: a valid edit is served at once, an invalid one is refused and logged.
   * @example 'flags.json'
   */
  flagsFile: string
  /**
   * The interface to bind. Other machines can reach the server only if you change it.
   * @default '127.0.0.1'
   */
  host?: string
  /**
   * The port to listen on; `0` picks a free one.
   * @default 8787
   */
  port?: number
  /** When set, admin routes require `Authorization: Bearer <adminToken>`. */
  adminToken?: string
  /**
   * JSON Lines file that records every admin change (who, when, before, after).
   * @default '<flags file directory>/.vexil/audit.jsonl'
   */
  auditLog?: string
  /**
   * JSON Lines file that keeps every event the collector accepted; read back at start.
   * @default '<flags file directory>/.vexil/events.jsonl'
   */
  eventsLog?: string
  /**
   * JSON file that remembers, per flag, since when it has been served in its current form, so
   * `vexil report --stale` can tell how long a flag has been fully rolled out; kept across runs.
   * @default '<flags file directory>/.vexil/flag-history.json'
   */
  historyFile?: string
  /**
   * JSON file of guarded rollout plans (see the README's "Guarded rollouts"), watched like the
   * flag file. No file means no rollouts.
   * @default `flags.rollouts.json` next to `flags.json` (for `x.yaml`: `x.rollouts.json`)
   */
  rolloutsFile?: string
  /**
   * How often running rollouts are checked. They are also checked right after the collector
   * accepts events for their flag, so a failing treatment is rolled back without waiting.
   * @default 5000
   */
  rolloutCheckIntervalMs?: number
  /**
   * Exposures each arm of an experiment needs before the summary gives a verdict.
   * @default 1000
   */
  minSample?: number
  /**
   * How often an idle event stream gets a keep-alive comment.
   * @default 15000
   */
  keepAliveMs?: number
  /**
   * How long the flag file must be quiet after a change before it is read again.
   * @default 50
   */
  reloadDebounceMs?: number
  /** @default messages to stdout, errors to stderr */
  logger?: DevServerLogger
}

export interface ResolvedDevServerOptions {
  flagsFile: string
  host: string
  port: number
  adminToken: string | undefined
  auditLog: string
  eventsLog: string
  historyFile: string
  rolloutsFile: string
  rolloutCheckIntervalMs: number
  minSample: number
  keepAliveMs: number
  reloadDebounceMs: number
  logger: DevServerLogger
}

const consoleLogger: DevServerLogger = {
  info: (message) => process.stdout.write(`${message}\n`),
  error: (message) => process.stderr.write(`${message}\n`),
}

export function resolveDevServerOptions(options: DevServerOptions): ResolvedDevServerOptions {
  if (typeof options.flagsFile !== 'string' || options.flagsFile === '') {
    throw new TypeError('[vexil] createDevServer needs `flagsFile`, the path of a flagd flag file.')
  }
  const flagsFile = resolve(options.flagsFile)
  const stateDirectory = join(dirname(flagsFile), '.vexil')
  const port = options.port ?? 8787
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`[vexil] \`port\` must be an integer from 0 to 65535, got ${port}.`)
  }
  const minSample = options.minSample ?? 1000
  if (!Number.isInteger(minSample) || minSample < 1) {
    throw new TypeError(`[vexil] \`minSample\` must be a positive integer, got ${minSample}.`)
  }
  const rolloutCheckIntervalMs = options.rolloutCheckIntervalMs ?? 5000
  if (!Number.isInteger(rolloutCheckIntervalMs) || rolloutCheckIntervalMs < 1) {
    throw new TypeError(
      `[vexil] \`rolloutCheckIntervalMs\` must be a positive integer, got ${rolloutCheckIntervalMs}.`,
    )
  }
  const rolloutsName = `${basename(flagsFile, extname(flagsFile))}.rollouts.json`
  return {
    flagsFile,
    host: options.host ?? '127.0.0.1',
    port,
    adminToken: options.adminToken || undefined,
    auditLog: resolve(options.auditLog ?? join(stateDirectory, 'audit.jsonl')),
    eventsLog: resolve(options.eventsLog ?? join(stateDirectory, 'events.jsonl')),
    historyFile: resolve(options.historyFile ?? join(stateDirectory, 'flag-history.json')),
    rolloutsFile: resolve(options.rolloutsFile ?? join(dirname(flagsFile), rolloutsName)),
    rolloutCheckIntervalMs,
    minSample,
    keepAliveMs: options.keepAliveMs ?? 15_000,
    reloadDebounceMs: options.reloadDebounceMs ?? 50,
    logger: options.logger ?? consoleLogger,
  }
}
