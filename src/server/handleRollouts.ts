import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DevServerContext } from './DevServerContext'
import { requireAdminToken } from './handleAdmin'
import { sendJson } from './sendJson'

/**
 * `GET /admin/rollouts`: where every guarded rollout stands, why, and the numbers behind it.
 * Checks first, so the answer is what the next timer tick would have decided.
 */
export async function handleRollouts(
  request: IncomingMessage,
  response: ServerResponse,
  server: DevServerContext,
): Promise<void> {
  requireAdminToken(request, server)
  await server.rollouts.check()
  sendJson(response, 200, { rollouts: server.rollouts.status() })
}
