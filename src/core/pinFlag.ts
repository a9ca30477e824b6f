import { evaluateFlag } from './evaluateFlag'
import { readFlag } from './readFlag'
import type { EvaluatedFlag, FlagClientState, FlagEvaluation, FlagValue, PinnedFlag } from './types'

/**
 * What reporting that `key` failed on screen does: `failed` is the evaluation that was showing
 * (to count as exposed and to report), and `pins` the pins with `key` pinned to the call sites'
 * default, the same object when nothing could be pinned.
 */
export function failFlag(
  state: FlagClientState,
  key: string,
  error: unknown,
  now: number,
): { failed: FlagEvaluation<FlagValue | undefined>; pins: FlagClientState['pins'] } {
  const failing = readFlag(state, key)
  const failed = evaluateFlag(key, failing, state.syncedAt !== undefined, undefined)
  const pin = pinFlag(failing, error, now)
  if (!pin) return { failed, pins: state.pins }
  return { failed, pins: Object.assign(Object.create(null), state.pins, { [key]: pin }) }
}

/**
 * The pin that replaces a flag whose value failed on this page, so reads fall back to the call
 * site's default. `undefined` when no served or forced value was on screen: then the default
 * itself failed, and pinning it would change nothing.
 */
function pinFlag(failing: EvaluatedFlag | undefined, error: unknown, now: number) {
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
