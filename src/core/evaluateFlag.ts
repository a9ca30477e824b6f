import { jsonType } from './jsonType'
import type { EvaluatedFlag, FlagEvaluation, FlagMetadata, FlagValue } from './types'
import { warnOnce } from './warnOnce'

const noMetadata: FlagMetadata = /* @__PURE__ */ Object.freeze({})

/**
 * Turns what the service said about `key` into the value a call site gets, falling back to
 * `defaultValue` with an `errorCode` when the flag is missing, failed or has the wrong JSON type.
 * Pure and never throws: the building block for framework bindings.
 *
 * @param loaded whether the service has answered at least once; decides between
 * `PROVIDER_NOT_READY` and `FLAG_NOT_FOUND` for a missing flag.
 * @param defaultValue the call site's default; `undefined` skips the type check (variant reads).
 */
export function evaluateFlag<T extends FlagValue | undefined>(
  key: string,
  flag: EvaluatedFlag | undefined,
  loaded: boolean,
  defaultValue: T,
): FlagEvaluation<T> {
  if (flag === undefined) {
    return fallback(key, defaultValue, noMetadata, loaded ? 'FLAG_NOT_FOUND' : 'PROVIDER_NOT_READY')
  }
  const metadata = flag.metadata ?? noMetadata
  if (flag.errorCode !== undefined) {
    return fallback(key, defaultValue, metadata, flag.errorCode, flag.errorDetails)
  }
  if (flag.value === undefined) {
    // OFREP ADR-0006: no value means "use the code default"; the variant and reason still hold.
    return {
      key,
      value: defaultValue,
      variant: flag.variant,
      reason: flag.reason ?? 'DEFAULT',
      source: 'default',
      metadata,
    }
  }
  if (defaultValue !== undefined) {
    const actual = jsonType(flag.value)
    const expected = jsonType(defaultValue)
    if (actual !== expected) {
      const details = `flag "${key}" is ${article(actual)} but its default is ${article(expected)}`
      warnOnce(`${details}; serving the default.`)
      return fallback(key, defaultValue, metadata, 'TYPE_MISMATCH', details)
    }
  }
  return {
    key,
    value: flag.value as T,
    variant: flag.variant,
    reason: flag.reason ?? 'UNKNOWN',
    source: flag.source,
    metadata,
  }
}

function fallback<T>(
  key: string,
  defaultValue: T,
  metadata: FlagMetadata,
  errorCode: string,
  errorDetails?: string,
): FlagEvaluation<T> {
  const evaluation: FlagEvaluation<T> = {
    key,
    value: defaultValue,
    variant: undefined,
    reason: 'ERROR',
    errorCode,
    source: 'default',
    metadata,
  }
  if (errorDetails !== undefined) evaluation.errorDetails = errorDetails
  return evaluation
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}
