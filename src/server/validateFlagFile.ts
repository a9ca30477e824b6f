import { findTargetedVariants } from './findTargetedVariants'
import { isJsonObject } from './flagDefinition'
import type { FlagDefinitionFile, JsonObject, JsonValue } from './flagDefinition'
import { resolveEvaluatorReferences } from './resolveEvaluatorReferences'
import { findExpiresProblem } from './stale/parseExpires'

/**
 * Checks what flagd's schema cannot say clearly, one message per problem, each naming its flag.
 * An empty list means the file is worth handing to flagd-core for the full schema check.
 */
export function validateFlagFile(file: unknown): string[] {
  if (!isJsonObject(file)) {
    return [`the file must hold an object with a "flags" object, not ${describe(file)}`]
  }
  if (!isJsonObject(file.flags)) {
    return [`"flags" must be an object of flag definitions, not ${describe(file.flags)}`]
  }
  const evaluators = file.$evaluators ?? {}
  if (!isJsonObject(evaluators)) {
    return [`"$evaluators" must be an object of named rules, not ${describe(evaluators)}`]
  }
  return Object.entries(file.flags).flatMap(([key, flag]) =>
    findFlagProblems(flag, evaluators).map((problem) => `flag "${key}": ${problem}`),
  )
}

/** The file after `validateFlagFile` and flagd-core accepted it. */
export function asFlagDefinitionFile(file: unknown): FlagDefinitionFile {
  return file as FlagDefinitionFile
}

function findFlagProblems(flag: JsonValue, evaluators: JsonObject): string[] {
  if (!isJsonObject(flag)) return [`must be an object, not ${describe(flag)}`]
  const problems: string[] = []
  if (flag.state !== 'ENABLED' && flag.state !== 'DISABLED') {
    problems.push(`"state" must be "ENABLED" or "DISABLED", not ${describe(flag.state)}`)
  }
  const expiresProblem = findExpiresProblem(flag.metadata)
  if (expiresProblem) problems.push(expiresProblem)
  const { variants } = flag
  if (!isJsonObject(variants) || Object.keys(variants).length === 0) {
    problems.push(`"variants" must be an object with at least one variant`)
    return problems
  }
  const names = Object.keys(variants)
  const types = new Set(Object.values(variants).map(variantType))
  if (types.has('invalid')) {
    problems.push('variant values must be booleans, strings, numbers or objects')
  } else if (types.size > 1) {
    const listed = names.map((name) => `${name}: ${variantType(variants[name] ?? null)}`)
    problems.push(`variants mix value types (${listed.join(', ')}); flagd needs one type per flag`)
  }
  const { defaultVariant } = flag
  if (defaultVariant !== undefined && defaultVariant !== null) {
    if (typeof defaultVariant !== 'string') {
      problems.push(`"defaultVariant" must be a variant name, not ${describe(defaultVariant)}`)
    } else if (!names.includes(defaultVariant)) {
      problems.push(
        `defaultVariant "${defaultVariant}" is not one of its variants (${quoteAll(names)})`,
      )
    }
  }
  if (flag.targeting !== undefined) problems.push(...findTargetingProblems(flag, names, evaluators))
  return problems
}

function findTargetingProblems(flag: JsonObject, names: string[], evaluators: JsonObject) {
  if (!isJsonObject(flag.targeting)) {
    return [`"targeting" must be a JSONLogic object, not ${describe(flag.targeting)}`]
  }
  const missing = new Set<string>()
  const rule = resolveEvaluatorReferences(flag.targeting, evaluators, missing)
  const problems = [...missing].map(
    (name) => `targeting uses { "$ref": "${name}" }, but "$evaluators" has no rule "${name}"`,
  )
  const unknown = [...findTargetedVariants(rule)].filter((name) => !names.includes(name))
  if (unknown.length > 0) {
    problems.push(
      `targeting can return ${quoteAll(unknown)}, which ${unknown.length === 1 ? 'is not a variant' : 'are not variants'} (variants: ${quoteAll(names)})`,
    )
  }
  return problems
}

function variantType(value: JsonValue): string {
  if (typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number') {
    return typeof value
  }
  return isJsonObject(value) ? 'object' : 'invalid'
}

function quoteAll(names: string[]): string {
  return names.map((name) => `"${name}"`).join(', ')
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${JSON.stringify(value)}`
}
