import { flagErrorEventKey } from '../../core/events/flagErrorEventKey'
import { isJsonObject } from '../flagDefinition'
import type { FlagDefinition, JsonValue } from '../flagDefinition'
import { hashText } from '../hashText'
import { describeValue as describe } from './describeValue'
import { parseDuration } from './parseDuration'
import type { RolloutAbort, RolloutPlan } from './RolloutPlan'

const planFields = ['variant', 'control', 'steps', 'minDwell', 'minSample', 'abort']
const abortFields = ['errorRateIncrease', 'conversionDrop']

/** Without an `abort.errorRateIncrease`, a treatment may add 5 percentage points of errors. */
const defaultErrorRateIncrease = 0.05

/**
 * Reads one flag's plan from the rollouts file, checking it against the flag's definition.
 * Answers the plan, or every problem found (without the flag's name; the caller adds it).
 */
export function readRolloutPlan(
  flag: string,
  plan: JsonValue,
  definition: FlagDefinition,
): { plan: RolloutPlan } | { problems: string[] } {
  if (!isJsonObject(plan)) {
    return { problems: [`the plan must be an object, not ${describe(plan)}`] }
  }
  const problems = unknownFields(plan, planFields, 'a plan')
  const variants = Object.keys(definition.variants)
  const { variant } = plan
  if (typeof variant !== 'string') {
    problems.push(`"variant" must name the variant to roll out, not ${describe(variant)}`)
  } else if (!variants.includes(variant)) {
    problems.push(`"variant" "${variant}" is not one of its variants (${quoteAll(variants)})`)
  }
  const control = plan.control ?? definition.defaultVariant ?? null
  if (control === null) {
    problems.push('the flag has no defaultVariant, so "control" must name the variant others get')
  } else if (typeof control !== 'string') {
    problems.push(`"control" must be a variant name, not ${describe(control)}`)
  } else if (!variants.includes(control)) {
    problems.push(`"control" "${control}" is not one of its variants (${quoteAll(variants)})`)
  } else if (control === variant) {
    problems.push(
      plan.control === undefined
        ? `"variant" "${control}" is the default variant; set "control" to the variant others get`
        : `"control" must differ from "variant" (both are "${control}")`,
    )
  }
  const steps = readSteps(plan.steps, problems)
  const minDwellMs = parseDuration(plan.minDwell)
  if (minDwellMs === undefined) {
    problems.push(
      `"minDwell" must be a duration like "30s", "10m", "2h" or "1d", or milliseconds, not ${describe(plan.minDwell)}`,
    )
  }
  const { minSample } = plan
  if (typeof minSample !== 'number' || !Number.isInteger(minSample) || minSample < 1) {
    problems.push(
      `"minSample" must be a positive whole number of exposures per arm, not ${describe(minSample)}`,
    )
  }
  const abort = readAbort(plan.abort ?? {}, problems)
  if (problems.length > 0) return { problems }
  const fields = {
    variant: variant as string,
    control: control as string,
    steps,
    minDwellMs: minDwellMs as number,
    minSample: minSample as number,
    abort,
  }
  return { plan: { flag, ...fields, hash: hashText(JSON.stringify(fields)).slice(0, 10) } }
}

function readSteps(steps: JsonValue | undefined, problems: string[]): number[] {
  if (!Array.isArray(steps) || steps.length === 0) {
    problems.push(
      `"steps" must be a list of percentages ending with 100, e.g. [1, 5, 25, 50, 100], not ${describe(steps)}`,
    )
    return []
  }
  const before = problems.length
  steps.forEach((step, index) => {
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 1 || step > 100) {
      // flagd's fractional weights are integers.
      problems.push(`"steps" must be whole percentages from 1 to 100, not ${describe(step)}`)
    } else if (index > 0 && step <= (steps[index - 1] as number)) {
      problems.push(`"steps" must increase, but ${step} follows ${String(steps[index - 1])}`)
    }
  })
  if (problems.length === before && steps.at(-1) !== 100) {
    problems.push(
      `"steps" must end with 100, so the rollout can complete, not ${String(steps.at(-1))}`,
    )
  }
  return steps as number[]
}

function readAbort(abort: JsonValue, problems: string[]): RolloutAbort {
  if (!isJsonObject(abort)) {
    problems.push(
      `"abort" must be an object like {"errorRateIncrease":0.05}, not ${describe(abort)}`,
    )
    return { errorRateIncrease: defaultErrorRateIncrease, conversionDrop: {} }
  }
  problems.push(...unknownFields(abort, abortFields, '"abort"'))
  const errorRateIncrease = abort.errorRateIncrease ?? defaultErrorRateIncrease
  if (!isFraction(errorRateIncrease)) {
    problems.push(
      `"abort.errorRateIncrease" must be a fraction between 0 and 1 (0.05 = 5 percentage points), not ${describe(errorRateIncrease)}`,
    )
  }
  const drops = abort.conversionDrop ?? {}
  if (!isJsonObject(drops)) {
    problems.push(
      `"abort.conversionDrop" must map tracking event keys to fractions, e.g. {"checkout-completed":0.1}, not ${describe(drops)}`,
    )
    return { errorRateIncrease: errorRateIncrease as number, conversionDrop: {} }
  }
  for (const [eventKey, drop] of Object.entries(drops)) {
    if (eventKey === flagErrorEventKey) {
      problems.push(
        `"abort.conversionDrop" cannot watch "${eventKey}"; errors are guarded by "errorRateIncrease"`,
      )
    } else if (!isFraction(drop)) {
      problems.push(
        `"abort.conversionDrop" of "${eventKey}" must be a fraction between 0 and 1 (0.1 = a 10 % drop), not ${describe(drop)}`,
      )
    }
  }
  return {
    errorRateIncrease: errorRateIncrease as number,
    conversionDrop: drops as Record<string, number>,
  }
}

function isFraction(value: JsonValue): boolean {
  return typeof value === 'number' && value >= 0 && value <= 1
}

function unknownFields(object: Record<string, JsonValue>, known: string[], what: string): string[] {
  const unknown = Object.keys(object).filter((field) => !known.includes(field))
  if (unknown.length === 0) return []
  return [`unknown field ${quoteAll(unknown)}; ${what} may have ${quoteAll(known)}`]
}

function quoteAll(names: string[]): string {
  return names.map((name) => `"${name}"`).join(', ')
}
