import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DevServerContext } from '../DevServerContext'
import { httpError } from '../HttpError'
import { sendJson } from '../sendJson'
import { findStaleFlags } from './findStaleFlags'

const fourteenDaysMs = 14 * 86_400_000

/**
 * `GET /v1/data/stale?rolledOutFor=<ms>`: flags past their kill date, fully rolled out or back for
 * at least `rolledOutFor` (default 14 days), or never exposed.
 */
export function handleStaleFlags(
  request: IncomingMessage,
  response: ServerResponse,
  server: DevServerContext,
): void {
  const query = new URL(request.url ?? '/', 'http://localhost').searchParams
  const given = query.get('rolledOutFor')
  const rolledOutFor = given === null ? fourteenDaysMs : Number(given)
  if (given !== null && (!/^\d+$/.test(given) || !Number.isSafeInteger(rolledOutFor))) {
    throw httpError(
      400,
      `rolledOutFor must be a whole number of milliseconds (e.g. ${fourteenDaysMs} for 14 days), not ${JSON.stringify(given)}`,
    )
  }
  const report = findStaleFlags({
    file: server.store.servedFile(),
    servedSince: (key) => server.history.since(key),
    events: server.collector.events(),
    rolledOutFor,
    now: Date.now(),
  })
  sendJson(response, 200, report)
}
