import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AuditRecord, FlagChangeRecord } from './auditRecord'
import type { DevServerContext } from './DevServerContext'
import { httpError } from './HttpError'
import { parseFlagChange } from './parseFlagChange'
import { parseJsonBody, readRequestBody } from './readRequestBody'
import { sendJson } from './sendJson'

/**
 * `POST /admin/flags/{key}`: the kill switch. Changes the served flag (never the file), which
 * pushes a `refetchEvaluation` event, and appends an audit record.
 */
export async function handleFlagChange(
  request: IncomingMessage,
  response: ServerResponse,
  server: DevServerContext,
  key: string,
): Promise<void> {
  requireAdminToken(request, server)
  const text = await readRequestBody(request)
  const flag = server.store.flag(key)
  if (!flag) throw httpError(404, `there is no flag "${key}" in ${server.options.flagsFile}`)
  const parsed = parseJsonBody(text)
  if (!parsed.ok) throw httpError(400, parsed.problem)
  const { change, actor } = parseFlagChange(parsed.value, key, flag)
  const { before, after } = server.store.changeFlag(key, change)
  const record: AuditRecord = { actor, time: new Date().toISOString(), flag: key, before, after }
  await server.auditLog.append([record])
  server.options.logger.info(
    `[vexil] ${actor} changed flag "${key}": ${describe(before)} → ${describe(after)}`,
  )
  sendJson(response, 200, { key, ...after, variants: [...flag.variants.keys()] })
}

/** `GET /admin/audit`: every recorded change, oldest first. */
export async function handleAuditLog(
  request: IncomingMessage,
  response: ServerResponse,
  server: DevServerContext,
): Promise<void> {
  requireAdminToken(request, server)
  sendJson(response, 200, { records: await server.auditLog.readAll() })
}

export function requireAdminToken(request: IncomingMessage, server: DevServerContext): void {
  const token = server.options.adminToken
  if (token === undefined) return
  const expected = Buffer.from(`Bearer ${token}`)
  const given = Buffer.from(request.headers.authorization ?? '')
  if (given.length === expected.length && timingSafeEqual(given, expected)) return
  throw httpError(401, 'admin routes need the header "Authorization: Bearer <admin token>"', {
    'WWW-Authenticate': 'Bearer realm="vexil admin"',
  })
}

function describe(snapshot: FlagChangeRecord['before']): string {
  return `${snapshot.state}, default variant ${JSON.stringify(snapshot.defaultVariant)}`
}
