import { relative } from 'node:path'

/** A path as messages show it: relative to the working directory when it is below it. */
export function displayPath(path: string): string {
  const fromHere = relative(process.cwd(), path)
  return fromHere && !fromHere.startsWith('..') ? fromHere : path
}
