import type { EvaluationContext } from '../types'
import type { ContextKind } from './CollectorEvent'

/** The user key GO Feature Flag's own web provider sends for a context without a targeting key. */
export const missingTargetingKey = 'undefined-targetingKey'

/** Who an event is about, in GO Feature Flag's terms. */
export function userFieldsOf(context: EvaluationContext): {
  contextKind: ContextKind
  userKey: string
} {
  const { targetingKey, anonymous } = context
  const known = typeof targetingKey === 'string' && targetingKey !== ''
  return {
    // GO Feature Flag marks a context anonymous through its `anonymous` attribute.
    contextKind: known && anonymous !== true ? 'user' : 'anonymousUser',
    userKey: known ? targetingKey : missingTargetingKey,
  }
}
