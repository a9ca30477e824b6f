import { FlagClientError } from './FlagClientError'
import type { HeadersOption } from './options'

export type ResolvedHeaders = Exclude<HeadersOption, (...args: never[]) => unknown> | undefined

/** Calls a headers function (a token may have changed); its failure is a result, not a throw. */
export async function resolveHeaders(
  option: HeadersOption | undefined,
): Promise<{ ok: true; headers: ResolvedHeaders } | { ok: false; error: FlagClientError }> {
  if (typeof option !== 'function') return { ok: true, headers: option }
  try {
    return { ok: true, headers: await option() }
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause)
    return {
      ok: false,
      error: new FlagClientError('network', `the \`headers\` function failed: ${message}`, {
        cause,
      }),
    }
  }
}

/** The credential that tells tenants apart: `Authorization`, else `X-API-Key`. */
export function credentialOf(headers: ResolvedHeaders): string | undefined {
  if (headers === undefined) return undefined
  const read = new Headers(headers)
  return read.get('Authorization') ?? read.get('X-API-Key') ?? undefined
}
