import type { RolloutStatus } from '../rollout/RolloutStatus'
import type { CliIo } from './CliIo'
import { defaultServerUrl, UsageError } from './CliIo'
import { formatRolloutStatus } from './formatRolloutStatus'
import { parseCommandArgs } from './parseCommandArgs'
import { requestServer } from './requestServer'

/** `vexil rollout status [flag]`: where each guarded rollout of a running dev server stands. */
export async function runRolloutCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args
  if (command !== 'status') {
    throw new UsageError(
      `unknown command "rollout ${command ?? ''}"; did you mean "rollout status"?`,
    )
  }
  const { values, positionals } = parseCommandArgs(rest, {
    server: { type: 'string' },
    token: { type: 'string' },
  })
  const [flag, ...extra] = positionals
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`)
  const server = values.server ?? io.env.VEXIL_SERVER ?? defaultServerUrl
  const token = values.token ?? io.env.VEXIL_ADMIN_TOKEN
  let url: string
  try {
    url = new URL('admin/rollouts', server.replace(/\/?$/, '/')).href
  } catch {
    throw new UsageError(`--server must be a URL like ${defaultServerUrl}, not "${server}"`)
  }
  const { rollouts } = (await requestServer(io, url, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })) as { rollouts: RolloutStatus[] }
  const shown = flag === undefined ? rollouts : rollouts.filter((rollout) => rollout.flag === flag)
  if (flag !== undefined && shown.length === 0) {
    const running = rollouts.map((rollout) => `"${rollout.flag}"`).join(', ')
    throw new Error(
      `flag "${flag}" has no rollout; ${running ? `rollouts: ${running}` : 'the server runs none'}`,
    )
  }
  io.stdout(formatRolloutStatus(shown, Date.now()))
  return 0
}
