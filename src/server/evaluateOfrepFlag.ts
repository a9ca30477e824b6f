import type { EvaluationContext } from '@openfeature/core'
import type { FeatureFlag } from '@openfeature/flagd-core'
import type { JsonObject, JsonValue } from './flagDefinition'

/** OFREP metadata values are primitives, so lists travel JSON-encoded. */
export type OfrepMetadata = Record<string, string | number | boolean>

export interface OfrepSuccess {
  key: string
  /** Absent: serve the caller's code default (OFREP ADR-0006), e.g. for a disabled flag. */
  value?: JsonValue
  reason: string
  variant?: string
  metadata: OfrepMetadata
}

export interface OfrepFailure {
  key: string
  errorCode: string
  errorDetails: string
  metadata: OfrepMetadata
}

export type OfrepItem = OfrepSuccess | OfrepFailure

/** Evaluates one flag for a context with flagd-core and shapes the answer as an OFREP item. */
export function evaluateOfrepFlag(key: string, flag: FeatureFlag, context: JsonObject): OfrepItem {
  const metadata = describeFlag(flag)
  // As flagd since open-feature/flagd#1966: a disabled flag is a success without a value.
  if (flag.state === 'DISABLED') return { key, reason: 'DISABLED', metadata }
  const result = flag.evaluate(context as EvaluationContext)
  if (result.reason === 'ERROR') {
    const errorCode = result.errorCode ?? 'GENERAL'
    return { key, errorCode, errorDetails: result.errorMessage ?? errorCode, metadata }
  }
  return {
    key,
    ...(result.value !== undefined && { value: result.value }),
    reason: result.reason,
    ...(result.variant !== undefined && { variant: result.variant }),
    metadata,
  }
}

export function isOfrepFailure(item: OfrepItem): item is OfrepFailure {
  return 'errorCode' in item
}

const metadataByFlag = new WeakMap<FeatureFlag, OfrepMetadata>()

/** The flag's own metadata, plus what devtools need to offer its variants. */
function describeFlag(flag: FeatureFlag): OfrepMetadata {
  let metadata = metadataByFlag.get(flag)
  if (!metadata) {
    metadata = {
      ...(flag.metadata as OfrepMetadata),
      variants: JSON.stringify([...flag.variants.keys()]),
      state: flag.state,
      ...(flag.defaultVariant !== undefined && { defaultVariant: flag.defaultVariant }),
    }
    metadataByFlag.set(flag, metadata)
  }
  return metadata
}
