import type { CliIo } from './CliIo'

/** A JSON request to a running dev server; a failure becomes an error worth printing. */
export async function requestServer(
  io: CliIo,
  url: string,
  init: RequestInit = {},
): Promise<unknown> {
  let response: Response
  try {
    response = await io.fetch(url, init)
  } catch {
    throw new Error(
      `cannot reach the dev server at ${new URL(url).origin}; is \`vexil dev\` running?`,
    )
  }
  const text = await response.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  if (!response.ok) {
    const detail =
      typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : text
    throw new Error(`the dev server answered ${response.status}: ${detail}`)
  }
  return body
}
