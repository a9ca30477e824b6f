import type { ComponentType, ReactElement } from 'react'
import type { EvaluationContext, FlagClientError, FlagStatus, FlagValue } from 'vexil/core'
import type { TestFlags } from './TestFlag'
import { TestFlagProvider } from './TestFlagProvider'

/** `parameters.vexil` of a story (or of its meta, merged by Storybook). */
export interface FlagStoryParameters {
  flags?: TestFlags
  /** @default 'ready' */
  status?: FlagStatus
  /** Why the service failed, with `status: 'error'`. */
  error?: FlagClientError
  context?: EvaluationContext
}

/** The parts of Storybook's story context that `withFlags` reads. */
export interface FlagStoryContext {
  id?: string
  parameters: { vexil?: FlagStoryParameters }
  args?: Record<string, unknown>
  globals?: Record<string, unknown>
}

// Not `flag:`: Storybook drops args named with anything but letters, digits, ` `, `_` and `-`
// from a story's URL, and a link to a story with flipped flags should keep them.
const argPrefix = 'flag_'
const statuses = new Set<unknown>(['loading', 'ready', 'stale', 'error'])

/**
 * A Storybook decorator that renders each story under a test client with the story's
 * `parameters.vexil` flags. Args named `flag_<key>` set flags too, so they can be flipped from
 * the Controls panel; the `vexilStatus` global (see `flagGlobalTypes`) overrides the status.
 * @example
 * export const NewCheckout = { parameters: { vexil: { flags: { 'new-checkout': true } } } }
 */
export function withFlags(Story: ComponentType, context: FlagStoryContext): ReactElement {
  const { flags = {}, status, error, context: evaluationContext } = context.parameters.vexil ?? {}
  const fromArgs: Record<string, FlagValue> = {}
  for (const [name, value] of Object.entries(context.args ?? {})) {
    if (name.startsWith(argPrefix) && isFlagValue(value)) {
      fromArgs[name.slice(argPrefix.length)] = value
    }
  }
  const chosen = context.globals?.vexilStatus
  return (
    // A fresh client per story: exposures and statuses never leak into the next one.
    <TestFlagProvider
      key={context.id}
      flags={{ ...flags, ...fromArgs }}
      status={statuses.has(chosen) ? (chosen as FlagStatus) : status}
      error={error}
      context={evaluationContext}
    >
      <Story />
    </TestFlagProvider>
  )
}

function isFlagValue(value: unknown): value is FlagValue {
  return ['boolean', 'string', 'number', 'object'].includes(typeof value) && value !== null
}
