import { extname, relative } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { FlagDefinitionFile } from './flagDefinition'
import { FlagFileError } from './FlagFileError'
import { loadFlagdStorage } from './loadFlagdStorage'
import type { FlagdStorage } from './loadFlagdStorage'
import { asFlagDefinitionFile, validateFlagFile } from './validateFlagFile'

export interface ParsedFlagFile {
  file: FlagDefinitionFile
  storage: FlagdStorage
}

/**
 * Reads the text of a flag file (JSON, or YAML by extension) and accepts it only if flagd would
 * serve it. Throws a `FlagFileError` that names the file, each bad flag and its problem.
 */
export function parseFlagFile(text: string, path: string): ParsedFlagFile {
  const name = displayName(path)
  const isYaml = /^\.ya?ml$/i.test(extname(path))
  let parsed: unknown
  try {
    parsed = isYaml ? parseYaml(text) : JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new FlagFileError(`${name}: not valid ${isYaml ? 'YAML' : 'JSON'}: ${message}`)
  }
  const problems = validateFlagFile(parsed)
  if (problems.length === 0) {
    const file = asFlagDefinitionFile(parsed)
    const loaded = loadFlagdStorage(file)
    if (loaded.ok) return { file, storage: loaded.storage }
    problems.push(...loaded.problems)
  }
  throw new FlagFileError(
    problems.length === 1
      ? `${name}: ${problems[0]}`
      : `${name}: ${problems.length} problems:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
  )
}

function displayName(path: string): string {
  const fromHere = relative(process.cwd(), path)
  return fromHere && !fromHere.startsWith('..') ? fromHere : path
}
