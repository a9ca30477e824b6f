import { isJsonObject } from '../flagDefinition'
import type { FlagDefinitionFile } from '../flagDefinition'
import { displayPath } from '../displayPath'
import { fileProblems, readFileContent } from '../readFileContent'
import { describeValue } from './describeValue'
import { readRolloutPlan } from './readRolloutPlan'
import type { RolloutPlan } from './RolloutPlan'

/**
 * Reads the rollouts file (JSON, or YAML by extension) and checks every plan against the flag
 * file. Throws a `FlagFileError` that names the file, each flag and its problem.
 */
export function parseRolloutFile(
  text: string,
  path: string,
  flags: FlagDefinitionFile,
  flagsFile: string,
): Map<string, RolloutPlan> {
  const parsed = readFileContent(text, path)
  const plans = new Map<string, RolloutPlan>()
  const problems: string[] = []
  if (!isJsonObject(parsed) || !isJsonObject(parsed.rollouts)) {
    const rollouts = isJsonObject(parsed) ? parsed.rollouts : parsed
    problems.push(
      `the file must hold {"rollouts": {"<flag key>": {…plan}}}; "rollouts" is ${describeValue(rollouts)}`,
    )
  } else {
    const extra = Object.keys(parsed).filter((field) => field !== 'rollouts' && field !== '$schema')
    if (extra.length > 0) {
      problems.push(
        `unknown field ${extra.map((field) => `"${field}"`).join(', ')}; the file holds "rollouts"`,
      )
    }
    for (const [flag, plan] of Object.entries(parsed.rollouts)) {
      const definition = Object.hasOwn(flags.flags, flag) ? flags.flags[flag] : undefined
      if (!definition) {
        problems.push(`flag "${flag}": there is no such flag in ${displayPath(flagsFile)}`)
        continue
      }
      const read = readRolloutPlan(flag, plan, definition)
      if ('plan' in read) plans.set(flag, read.plan)
      else problems.push(...read.problems.map((problem) => `flag "${flag}": ${problem}`))
    }
  }
  if (problems.length === 0) return plans
  throw fileProblems(path, problems)
}
