import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DevServerContext } from './DevServerContext'
import { evaluateOfrepFlag, isOfrepFailure } from './evaluateOfrepFlag'
import { isJsonObject } from './flagDefinition'
import type { JsonObject } from './flagDefinition'
import { hashText } from './hashText'
import { HttpError } from './HttpError'
import { parseJsonBody, readRequestBody } from './readRequestBody'
import { sendJson, sendJsonText } from './sendJson'

export const eventStreamPath = '/ofrep/v1/events'

/**
 * `POST /ofrep/v1/evaluate/flags`: every flag for one context. The `flagConfigEtag` and
 * `flagConfigLastModified` query parameters (ADR-0008) need no handling: each answer is fresh.
 */
export async function handleBulkEvaluation(
  request: IncomingMessage,
  response: ServerResponse,
  server: DevServerContext,
): Promise<void> {
  const context = await readEvaluationContext(request)
  const flags = [...server.store.flags()].map(([key, flag]) =>
    evaluateOfrepFlag(key, flag, context),
  )
  const body = JSON.stringify({
    flags,
    eventStreams: [
      {
        type: 'sse',
        url: `${server.originOf(request)}${eventStreamPath}`,
        inactivityDelaySec: 120,
      },
    ],
  })
  // Strong ETag over the evaluated answer, so it differs per context and per flag change.
  const etag = `"${hashText(body)}"`
  if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
    response.writeHead(304, { ETag: etag, 'Cache-Control': 'no-store' }).end()
    return
  }
  sendJsonText(response, 200, body, { ETag: etag })
}

/** `POST /ofrep/v1/evaluate/flags/{key}`: one flag, with OFREP's status codes. */
export async function handleSingleEvaluation(
  request: IncomingMessage,
  response: ServerResponse,
  server: DevServerContext,
  key: string,
): Promise<void> {
  const context = await readEvaluationContext(request, key)
  const flag = server.store.flag(key)
  if (!flag) {
    sendJson(response, 404, {
      key,
      errorCode: 'FLAG_NOT_FOUND',
      errorDetails: `there is no flag "${key}" in ${server.options.flagsFile}`,
    })
    return
  }
  const item = evaluateOfrepFlag(key, flag, context)
  sendJson(response, isOfrepFailure(item) ? 400 : 200, item)
}

async function readEvaluationContext(request: IncomingMessage, key?: string): Promise<JsonObject> {
  const refuse = (errorCode: string, errorDetails: string) =>
    new HttpError(400, { ...(key !== undefined && { key }), errorCode, errorDetails })
  const parsed = parseJsonBody(await readRequestBody(request), {})
  if (!parsed.ok) throw refuse('PARSE_ERROR', parsed.problem)
  const body = parsed.value
  if (!isJsonObject(body)) throw refuse('PARSE_ERROR', 'expected a JSON object like {"context":{}}')
  const context = body.context ?? {}
  if (!isJsonObject(context)) {
    throw refuse('INVALID_CONTEXT', '"context" must be an object of attributes')
  }
  if (context.targetingKey !== undefined && typeof context.targetingKey !== 'string') {
    throw refuse('INVALID_CONTEXT', '"context.targetingKey" must be a string')
  }
  return context
}

function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag)
}
