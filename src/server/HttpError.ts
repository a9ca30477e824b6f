/** A request the server refuses: `status` and the JSON `body` are the answer. */
export class HttpError extends Error {
  override readonly name = 'HttpError'

  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.errorDetails ?? body.error ?? `HTTP ${status}`))
  }
}

/** The error answer of every non-OFREP route: `{ "error": "what went wrong and how to fix it" }`. */
export function httpError(status: number, message: string, headers?: Record<string, string>) {
  return new HttpError(status, { error: message }, headers)
}
