import type { EvaluatedFlag, PinnedFlag } from './types'

/**
 * The pin that replaces a flag whose value failed on this page, so reads fall back to the call
 * site's default. `undefined` when no served or forced value was on screen: then the default
 * itself failed, and pinning it would change nothing.
 */
export function pinFlag(
  failing: EvaluatedFlag | undefined,
  error: unknown,
  now: number,
): PinnedFlag | undefined {
  if (!isPinnable(failing)) return undefined
  const type = errorTypeOf(error)
  const message = errorMessageOf(error)
  const culprit = failing.variant === undefined ? 'its value' : `variant "${failing.variant}"`
  const pin: PinnedFlag = {
    key: failing.key,
    variant: failing.variant,
    reason: 'ERROR',
    errorCode: 'GENERAL',
    errorDetails: `pinned to its default for this page session after ${culprit} threw ${type}: ${message}`,
    source: failing.source,
    error: { type, message },
    pinnedAt: now,
  }
  return failing.metadata ? { ...pin, metadata: failing.metadata } : pin
}

/**
 * Whether a failure while this entry is on screen can be survived by pinning it: a served or
 * forced value is. A pin, a failed evaluation or a value-less answer means the default is on screen.
 */
export function isPinnable(flag: EvaluatedFlag | undefined): flag is EvaluatedFlag {
  return flag?.value !== undefined && flag.errorCode === undefined
}

/** OpenTelemetry's `error.type`: the class name of what was thrown, `_OTHER` when it has none. */
export function errorTypeOf(error: unknown): string {
  const name = isErrorLike(error) ? error.name : undefined
  return typeof name === 'string' && name !== '' ? name : '_OTHER'
}

function errorMessageOf(error: unknown): string {
  return isErrorLike(error) && typeof error.message === 'string' ? error.message : String(error)
}

// Errors from another realm (an iframe, a test environment) fail `instanceof Error`.
function isErrorLike(error: unknown): error is { name?: unknown; message?: unknown } {
  return typeof error === 'object' && error !== null
}
