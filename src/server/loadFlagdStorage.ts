import type { Logger } from '@openfeature/core'
import { MemoryStorage } from '@openfeature/flagd-core'
import { isJsonObject } from './flagDefinition'
import type { FlagDefinitionFile, JsonValue } from './flagDefinition'

// flagd-core logs through this; the dev server reports problems itself, with file and flag names.
const silentLogger: Logger = { error() {}, warn() {}, info() {}, debug() {} }

export type FlagdStorage = MemoryStorage

export type LoadedFlagd = { ok: true; storage: FlagdStorage } | { ok: false; problems: string[] }

/**
 * Hands a flag file to flagd-core exactly as flagd reads it (schema validation on), and checks
 * that every targeting rule compiles, so a file accepted here runs unchanged on flagd.
 */
export function loadFlagdStorage(file: FlagDefinitionFile): LoadedFlagd {
  const storage = new MemoryStorage(silentLogger)
  try {
    storage.setConfigurations(JSON.stringify(file), true)
  } catch (error) {
    return { ok: false, problems: describeParseError(error) }
  }
  const problems: string[] = []
  for (const [key, flag] of storage.getFlags()) {
    if (flag.evaluate({}).errorCode !== 'PARSE_ERROR') continue
    const unknown = findUnknownOperators(file.flags[key]?.targeting ?? null)
    const hint = unknown.length > 0 ? ` (unknown operator ${unknown.join(', ')}?)` : ''
    problems.push(
      `flag "${key}": its targeting rule is not JSONLogic that flagd can compile${hint}`,
    )
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, storage }
}

/** Loads a configuration that already passed `loadFlagdStorage`. */
export function loadTrustedFlagdStorage(file: FlagDefinitionFile): FlagdStorage {
  const storage = new MemoryStorage(silentLogger)
  storage.setConfigurations(JSON.stringify(file), false)
  return storage
}

interface SchemaError {
  instancePath?: string
  message?: string
  params?: { allowedValues?: unknown[]; additionalProperty?: string }
}

function describeParseError(error: unknown): string[] {
  const message = error instanceof Error ? error.message : String(error)
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : ''
  const listed = message.indexOf(': [')
  if (listed < 0) return [cause || message]
  let errors: SchemaError[]
  try {
    errors = JSON.parse(message.slice(listed + 2)) as SchemaError[]
  } catch {
    return [message]
  }
  // The schema's anyOf branches each report an error for one mistake; the first is the clearest.
  const byLocation = new Map<string, string>()
  for (const schemaError of errors) {
    const path = schemaError.instancePath ?? ''
    const flag = /^\/flags\/([^/]+)/.exec(path)?.[1]
    const location = flag === undefined ? path || 'the file' : `flag "${unescapePointer(flag)}"`
    if (byLocation.has(location)) continue
    const at = flag === undefined ? '' : path.slice(`/flags/${flag}`.length)
    const operator = schemaError.params?.additionalProperty
    const problem =
      at.startsWith('/targeting') && operator !== undefined
        ? `targeting uses "${operator}", which is not a JSONLogic or flagd operator`
        : `${at ? `${at} ` : ''}${describeSchemaError(schemaError)}`
    byLocation.set(location, `${location}: ${problem}`)
  }
  return [...byLocation.values()].map((problem) => `${problem} (flagd schema)`)
}

function describeSchemaError(error: SchemaError): string {
  if (error.params?.allowedValues) {
    return `${error.message ?? 'is invalid'}: ${error.params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`
  }
  if (error.params?.additionalProperty) {
    return `has "${error.params.additionalProperty}", which the schema does not allow`
  }
  return error.message ?? 'is invalid'
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}

const knownOperators = new Set(
  (
    'var missing missing_some if ?: == === != !== ! !! or and > >= < <= max min + - * / % ' +
    'map reduce filter all none some merge in cat substr log fractional sem_ver starts_with ' +
    'ends_with $ref'
  ).split(' '),
)

function findUnknownOperators(rule: JsonValue): string[] {
  const unknown = new Set<string>()
  const visit = (node: JsonValue) => {
    if (Array.isArray(node)) node.forEach(visit)
    else if (isJsonObject(node)) {
      for (const [operator, args] of Object.entries(node)) {
        if (!knownOperators.has(operator)) unknown.add(`"${operator}"`)
        visit(args)
      }
    }
  }
  visit(rule)
  return [...unknown]
}
