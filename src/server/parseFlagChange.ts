import type { FeatureFlag } from '@openfeature/flagd-core'
import type { FlagChange } from './createFlagStore'
import { isJsonObject } from './flagDefinition'
import { httpError } from './HttpError'

const fields = ['state', 'defaultVariant', 'actor']

/** Reads an admin change body, refusing anything that is not a valid change of this flag. */
export function parseFlagChange(
  body: unknown,
  key: string,
  flag: FeatureFlag,
): { change: FlagChange; actor: string } {
  if (!isJsonObject(body)) {
    throw httpError(400, 'expected a JSON object like {"state":"DISABLED","actor":"ana"}')
  }
  const unknown = Object.keys(body).filter((field) => !fields.includes(field))
  if (unknown.length > 0) {
    throw httpError(
      400,
      `unknown field ${unknown.map((field) => `"${field}"`).join(', ')}; a change may set "state", "defaultVariant" and "actor"`,
    )
  }
  const { state, defaultVariant, actor } = body
  if (state === undefined && defaultVariant === undefined) {
    throw httpError(400, 'nothing to change: set "state" and/or "defaultVariant"')
  }
  const change: FlagChange = {}
  if (state !== undefined) {
    if (state !== 'ENABLED' && state !== 'DISABLED') {
      throw httpError(400, `"state" must be "ENABLED" or "DISABLED", not ${JSON.stringify(state)}`)
    }
    change.state = state
  }
  if (defaultVariant !== undefined) {
    const variants = [...flag.variants.keys()]
    if (typeof defaultVariant !== 'string' || !variants.includes(defaultVariant)) {
      throw httpError(
        400,
        `flag "${key}" has no variant ${JSON.stringify(defaultVariant)}; its variants are ${variants.map((name) => `"${name}"`).join(', ')}`,
      )
    }
    change.defaultVariant = defaultVariant
  }
  if (actor !== undefined && (typeof actor !== 'string' || actor.trim() === '')) {
    throw httpError(400, '"actor" must be a non-empty string naming who made the change')
  }
  return { change, actor: typeof actor === 'string' ? actor.trim() : 'anonymous' }
}
