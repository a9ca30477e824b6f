import { userInfo } from 'node:os'
import type { CliIo } from './CliIo'
import { defaultServerUrl, UsageError } from './CliIo'
import { parseCommandArgs } from './parseCommandArgs'
import { requestServer } from './requestServer'

/** `vexil flag set <key> --state DISABLED`: the kill switch from a terminal. */
export async function runFlagSetCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    state: { type: 'string' },
    'default-variant': { type: 'string' },
    server: { type: 'string' },
    token: { type: 'string' },
    actor: { type: 'string' },
  })
  const [key, ...extra] = positionals
  if (key === undefined) throw new UsageError('vexil flag set needs the flag key')
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`)
  const state = values.state?.toUpperCase()
  if (state !== undefined && state !== 'ENABLED' && state !== 'DISABLED') {
    throw new UsageError(`--state must be ENABLED or DISABLED, not "${values.state}"`)
  }
  const defaultVariant = values['default-variant']
  if (state === undefined && defaultVariant === undefined) {
    throw new UsageError('nothing to change: pass --state and/or --default-variant')
  }
  const server = values.server ?? io.env.VEXIL_SERVER ?? defaultServerUrl
  const token = values.token ?? io.env.VEXIL_ADMIN_TOKEN
  const body = (await requestServer(io, adminUrl(server, key), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token && { Authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ state, defaultVariant, actor: values.actor ?? currentUser() }),
  })) as { state: string; defaultVariant: string | null }
  io.stdout(
    `flag "${key}" is now ${body.state}, default variant ${JSON.stringify(body.defaultVariant)}\n`,
  )
  return 0
}

function adminUrl(server: string, key: string): string {
  try {
    return new URL(`admin/flags/${encodeURIComponent(key)}`, server.replace(/\/?$/, '/')).href
  } catch {
    throw new UsageError(`--server must be a URL like ${defaultServerUrl}, not "${server}"`)
  }
}

function currentUser(): string {
  try {
    return userInfo().username || 'cli'
  } catch {
    return 'cli'
  }
}
