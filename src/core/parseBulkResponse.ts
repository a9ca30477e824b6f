import { describeValue as describe } from './describeValue'
import type { EvaluatedFlag, FlagMetadata, FlagSource, JsonValue } from './types'

export type ParsedBulkResponse =
  { ok: true; flags: EvaluatedFlag[] } | { ok: false; problem: string }

/**
 * Validates an OFREP bulk evaluation body as a whole: one bad item rejects the payload, so a
 * half-broken answer never replaces good values. Success and failure items may be mixed.
 */
export function parseBulkResponse(
  body: unknown,
  source: Exclude<FlagSource, 'default'> = 'network',
): ParsedBulkResponse {
  if (!isRecord(body)) {
    return {
      ok: false,
      problem: `expected a JSON object with a "flags" array, got ${describe(body)}`,
    }
  }
  if (!Array.isArray(body.flags)) {
    return { ok: false, problem: `expected "flags" to be an array, got ${describe(body.flags)}` }
  }
  const flags: EvaluatedFlag[] = []
  const seen = new Set<string>()
  for (const [index, item] of body.flags.entries()) {
    const at = `flags[${index}]`
    if (!isRecord(item))
      return { ok: false, problem: `${at} is ${describe(item)}, expected an object` }
    const { key } = item
    if (typeof key !== 'string' || key === '') {
      return { ok: false, problem: `${at}.key is ${describe(key)}, expected a non-empty string` }
    }
    if (seen.has(key)) return { ok: false, problem: `${at} repeats the key "${key}"` }
    seen.add(key)
    const problem = findProblem(item, at)
    if (problem) return { ok: false, problem }
    flags.push(toEvaluatedFlag(item, key, source))
  }
  return { ok: true, flags }
}

const optionalStrings = ['reason', 'variant', 'errorCode', 'errorDetails'] as const

function findProblem(item: Record<string, unknown>, at: string): string | undefined {
  for (const field of optionalStrings) {
    const value = item[field]
    if (value !== undefined && typeof value !== 'string') {
      return `${at}.${field} is ${describe(value)}, expected a string`
    }
  }
  if (item.metadata !== undefined && !isRecord(item.metadata)) {
    return `${at}.metadata is ${describe(item.metadata)}, expected an object`
  }
  return undefined
}

function toEvaluatedFlag(
  item: Record<string, unknown>,
  key: string,
  source: EvaluatedFlag['source'],
): EvaluatedFlag {
  // Only present fields are copied, so two equal answers compare equal field by field.
  const flag: { -readonly [K in keyof EvaluatedFlag]: EvaluatedFlag[K] } = {
    key,
    source,
  }
  if (typeof item.errorCode === 'string') {
    flag.errorCode = item.errorCode
    if (typeof item.errorDetails === 'string') flag.errorDetails = item.errorDetails
  } else {
    if (item.value !== undefined) flag.value = item.value as JsonValue
    if (typeof item.variant === 'string') flag.variant = item.variant
    if (typeof item.reason === 'string') flag.reason = item.reason
  }
  if (isRecord(item.metadata)) flag.metadata = item.metadata as FlagMetadata
  return flag
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
