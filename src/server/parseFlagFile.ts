import type { FlagDefinitionFile } from './flagDefinition'
import { loadFlagdStorage } from './loadFlagdStorage'
import type { FlagdStorage } from './loadFlagdStorage'
import { fileProblems, readFileContent } from './readFileContent'
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
  const parsed = readFileContent(text, path)
  const problems = validateFlagFile(parsed)
  if (problems.length === 0) {
    const file = asFlagDefinitionFile(parsed)
    const loaded = loadFlagdStorage(file)
    if (loaded.ok) return { file, storage: loaded.storage }
    problems.push(...loaded.problems)
  }
  throw fileProblems(path, problems)
}
