import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import { parseFlagFile } from '../parseFlagFile'
import { generateFlagTypes } from '../typegen/generateFlagTypes'
import type { CliIo } from './CliIo'
import { UsageError } from './CliIo'
import { parseCommandArgs } from './parseCommandArgs'

/** `vexil typegen <flags-file> [-o file.d.ts] [--check]`: registers a flag file's types. */
export function runTypegenCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string', short: 'o' },
    check: { type: 'boolean' },
  })
  const [flagsFile, ...extra] = positionals
  if (flagsFile === undefined) throw new UsageError('vexil typegen needs the flags file')
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`)
  const { out, check } = values
  if (check && out === undefined) {
    throw new UsageError('--check compares with a file: pass it with -o')
  }
  const text = readText(flagsFile)
  if (text === undefined) throw new Error(`cannot read ${displayPath(flagsFile)}: no such file`)
  const { file } = parseFlagFile(text, flagsFile)
  const declaration = generateFlagTypes(file, displayPath(flagsFile))
  if (out === undefined) {
    io.stdout(declaration)
    return 0
  }
  const current = readText(out)
  // A checkout with CRLF line endings still counts as up to date.
  const upToDate = current?.replace(/\r\n/g, '\n') === declaration
  const name = displayPath(out)
  if (check) {
    if (upToDate) {
      io.stdout(`${name} is up to date\n`)
      return 0
    }
    const rerun = ['vexil', 'typegen', ...args.filter((arg) => arg !== '--check')]
    const problem =
      current === undefined ? 'does not exist' : `is out of date with ${displayPath(flagsFile)}`
    const verb = current === undefined ? 'create' : 'update'
    throw new Error(`${name} ${problem}; run \`${rerun.map(shellWord).join(' ')}\` to ${verb} it`)
  }
  if (!upToDate) {
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, declaration)
  }
  const count = Object.keys(file.flags).length
  const flags = `${count} flag${count === 1 ? '' : 's'}`
  io.stdout(upToDate ? `${name} is up to date (${flags})\n` : `wrote ${name} (${flags})\n`)
  return 0
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error(`cannot read ${displayPath(path)}: ${(error as Error).message}`, {
      cause: error,
    })
  }
}

// The header names the flag file, so it must not depend on how the path was typed.
function displayPath(path: string): string {
  const fromHere = relative(process.cwd(), resolve(path))
  const shown = fromHere && !fromHere.startsWith('..') ? fromHere : path
  return shown.split(sep).join('/')
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
