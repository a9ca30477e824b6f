export type JsonPrimitive = string | number | boolean | null
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

export type FlagState = 'ENABLED' | 'DISABLED'

/** One flag in the flagd flag-definition format (https://flagd.dev/reference/flag-definitions/). */
export interface FlagDefinition {
  state: FlagState
  variants: Record<string, JsonValue>
  /** Absent or `null`: the caller's code default is served (OFREP ADR-0006). */
  defaultVariant?: string | null
  /** A JSONLogic rule that returns a variant name, with flagd's operators. */
  targeting?: JsonObject
  metadata?: Record<string, string | number | boolean>
}

/** A whole flagd flag file. `$evaluators` holds rules that targeting reuses with `$ref`. */
export interface FlagDefinitionFile {
  flags: Record<string, FlagDefinition>
  $evaluators?: Record<string, JsonValue>
  metadata?: Record<string, string | number | boolean>
  [key: string]: JsonValue | undefined | Record<string, FlagDefinition>
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
