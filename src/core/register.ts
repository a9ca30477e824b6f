import type { FlagValue, JsonValue, WidenFlagValue } from './types'

/**
 * Register your flags to have their keys and value types checked at compile time, by hand or with
 * `vexil typegen flags.json -o src/flags.d.ts`:
 * @example
 * declare module 'vexil' {
 *   interface Register {
 *     flags: { 'new-checkout': boolean; 'checkout-experiment': 'control' | 'visa' | 'paypal' }
 *   }
 * }
 */
// An empty interface on purpose: it is the point users augment.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Register {}

type RegisteredFlags = Register extends { flags: infer Flags } ? Flags : never
type IsRegistered = [RegisteredFlags] extends [never] ? false : true

/** A flag key: any string until flags are registered, then only the registered keys. */
export type FlagKey = IsRegistered extends true ? Extract<keyof RegisteredFlags, string> : string

/** The defaults a read of `Key` accepts: any flag value, or the registered type of `Key`. */
export type FlagDefault<Key extends string> = IsRegistered extends true
  ? Key extends keyof RegisteredFlags
    ? Extract<RegisteredFlags[Key], FlagValue>
    : never
  : FlagValue

/** What a read of `Key` with `Default` returns: the registered type, or the default's type. */
export type FlagResult<Key extends string, Default extends FlagValue> = IsRegistered extends true
  ? Key extends keyof RegisteredFlags
    ? RegisteredFlags[Key]
    : never
  : WidenFlagValue<Default>

/** The value a variant read of `Key` can carry. */
export type FlagVariantValue<Key extends string> = IsRegistered extends true
  ? Key extends keyof RegisteredFlags
    ? RegisteredFlags[Key]
    : never
  : JsonValue
