import type { EvaluationErrorCode, FlagKey, FlagMetadata, FlagValue } from 'vexil/core'

/**
 * What the flag service says about one flag, spelled out: a value with its variant and reason,
 * or a failure (`errorCode`). Without `value`, reads use their own default (OFREP ADR-0006).
 */
export interface TestFlagEvaluation {
  value?: FlagValue
  variant?: string
  /** @default 'STATIC' */
  reason?: string
  errorCode?: EvaluationErrorCode
  errorDetails?: string
  metadata?: FlagMetadata
}

/**
 * A flag's value (`true`, `'visa'`, `{ daily: 3 }`), or a `TestFlagEvaluation`. A string value is
 * also its variant name, as experiment arms usually are. A JSON object whose keys are all
 * evaluation keys (`value`, `variant`, …) reads as an evaluation: wrap such a value as `{ value }`.
 */
export type TestFlag = FlagValue | TestFlagEvaluation

/** Flags by key, as the tests and stories set them. */
export type TestFlags = { readonly [Key in FlagKey]?: TestFlag }
