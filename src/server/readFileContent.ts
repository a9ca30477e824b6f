import { extname } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { displayPath } from './displayPath'
import { FlagFileError } from './FlagFileError'

/** Parses a file the dev server reads: YAML for `.yaml`/`.yml`, else JSON. */
export function readFileContent(text: string, path: string): unknown {
  const isYaml = /^\.ya?ml$/i.test(extname(path))
  try {
    return isYaml ? parseYaml(text) : JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new FlagFileError(
      `${displayPath(path)}: not valid ${isYaml ? 'YAML' : 'JSON'}: ${message}`,
    )
  }
}

/** One error naming the file and every problem found in it, one per line when there are several. */
export function fileProblems(path: string, problems: readonly string[]): FlagFileError {
  const name = displayPath(path)
  return new FlagFileError(
    problems.length === 1
      ? `${name}: ${problems[0]}`
      : `${name}: ${problems.length} problems:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
  )
}
