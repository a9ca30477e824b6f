import type { FlagMetadata, JsonValue } from 'vexil/core'
import type { TestFlag, TestFlagEvaluation } from './TestFlag'

/** One item of an OFREP bulk evaluation answer. */
export interface FlagItem {
  key: string
  value?: JsonValue
  variant?: string
  reason?: string
  errorCode?: string
  errorDetails?: string
  metadata?: FlagMetadata
}

const evaluationKeys = new Set([
  'value',
  'variant',
  'reason',
  'errorCode',
  'errorDetails',
  'metadata',
])

/** Spells a test flag out as the flag service would answer it. */
export function toFlagItem(key: string, flag: TestFlag): FlagItem {
  const evaluation: TestFlagEvaluation = isEvaluation(flag)
    ? flag
    : { value: flag, variant: typeof flag === 'string' ? flag : undefined }
  const { value, variant, reason, errorCode, errorDetails, metadata } = evaluation
  const item: FlagItem = { key }
  if (errorCode !== undefined) {
    item.errorCode = errorCode
    if (errorDetails !== undefined) item.errorDetails = errorDetails
  } else {
    if (value !== undefined) item.value = value
    if (variant !== undefined) item.variant = variant
    item.reason = reason ?? 'STATIC'
  }
  if (metadata !== undefined) item.metadata = metadata
  return item
}

function isEvaluation(flag: TestFlag): flag is TestFlagEvaluation {
  if (typeof flag !== 'object' || flag === null || Array.isArray(flag)) return false
  const keys = Object.keys(flag)
  return (
    keys.length > 0 &&
    keys.every((key) => evaluationKeys.has(key)) &&
    ('value' in flag || 'errorCode' in flag || 'variant' in flag)
  )
}
