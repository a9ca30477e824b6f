import type { IncomingMessage } from 'node:http'
import { httpError } from './HttpError'

/** Flag contexts, admin changes and event batches are small; anything bigger is a mistake. */
export const maxBodyBytes = 1024 * 1024

/** The whole body as text. Rejects with a 413 `HttpError` past `limit` bytes. */
export function readRequestBody(request: IncomingMessage, limit = maxBodyBytes): Promise<string> {
  const tooLarge = () =>
    httpError(413, `the request body is larger than ${limit} bytes`, { Connection: 'close' })
  if (Number(request.headers['content-length']) > limit) {
    request.resume()
    return Promise.reject(tooLarge())
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }
      // Keep reading and dropping the rest, so the client sees the 413 instead of a reset.
      request.off('data', onData)
      request.resume()
      reject(tooLarge())
    }
    request.on('data', onData)
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: string }

/** JSON from a body of any content type (browsers send beacons as `text/plain`). */
export function parseJsonBody(text: string, emptyValue?: unknown): ParsedJson {
  if (text.trim() === '' && emptyValue !== undefined) return { ok: true, value: emptyValue }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, problem: `the request body is not valid JSON: ${detail}` }
  }
}
