import type { IncomingMessage, ServerResponse } from 'node:http'
import { readCollectorBody } from './collectorEvents'
import type { DevServerContext } from './DevServerContext'
import { httpError } from './HttpError'
import { parseJsonBody, readRequestBody } from './readRequestBody'
import { sendJson } from './sendJson'
import { summarizeExperiments } from './summarizeExperiments'
import type { KnownFlag } from './summarizeExperiments'

/**
 * `POST /v1/data/collector`, as a GO Feature Flag relay proxy answers it. Events whose `id` was
 * already ingested are dropped, so retried batches and beacons count once.
 */
export async function handleCollector(
  request: IncomingMessage,
  response: ServerResponse,
  server: DevServerContext,
): Promise<void> {
  const parsed = parseJsonBody(await readRequestBody(request))
  if (!parsed.ok) throw httpError(400, parsed.problem)
  const { events, rejected } = readCollectorBody(parsed.value)
  const ingestedContentCount = await server.collector.ingest(events)
  // Before answering, so a failing treatment is already rolled back when the sender hears back.
  await server.rollouts.eventsIngested(events)
  for (const { index, problem } of rejected) {
    server.options.logger.error(`[vexil] collector: dropped events[${index}]: ${problem}`)
  }
  sendJson(response, 200, { ingestedContentCount, ...(rejected.length > 0 && { rejected }) })
}

/** `GET /v1/data/summary`: exposures, conversions and z-tests per flag and variant. */
export function handleSummary(
  _request: IncomingMessage,
  response: ServerResponse,
  server: DevServerContext,
): void {
  const knownFlags = new Map<string, KnownFlag>(
    [...server.store.flags()].map(([key, flag]) => [
      key,
      { variants: [...flag.variants.keys()], defaultVariant: flag.defaultVariant ?? null },
    ]),
  )
  sendJson(
    response,
    200,
    summarizeExperiments(server.collector.events(), knownFlags, server.options.minSample),
  )
}
