// Type tests, checked by `tsc -p test/types/registered` (part of `npm run typecheck`).
import { expectTypeOf } from 'vitest'
import { createFlagClient, FlagBoundary, useFlag, useFlagDetails, useVariant } from 'vexil'
import type { FlagEvaluation, FlagKey } from 'vexil'

type Experiment = 'control' | 'visa' | 'paypal'

export function RegisteredKeysAreTheOnlyKeys() {
  expectTypeOf<FlagKey>().toEqualTypeOf<
    'new-checkout' | 'checkout-experiment' | 'max-items' | 'limits'
  >()
  // @ts-expect-error an unknown key is refused
  useFlag('old-checkout', false)
  // @ts-expect-error an unknown key is refused by details reads too
  useFlagDetails('old-checkout', false)
  // @ts-expect-error and by variant reads
  useVariant('old-checkout')
  // @ts-expect-error and by the render-error kill switch
  return <FlagBoundary flag="old-checkout">{null}</FlagBoundary>
}

export function ReadsReturnTheRegisteredType() {
  expectTypeOf(useFlag('new-checkout', false)).toEqualTypeOf<boolean>()
  expectTypeOf(useFlag('checkout-experiment', 'control')).toEqualTypeOf<Experiment>()
  expectTypeOf(useFlag('max-items', 10)).toEqualTypeOf<number>()
  expectTypeOf(useFlag('limits', { max: 3 })).toEqualTypeOf<{ max: number }>()
  expectTypeOf(useFlagDetails('checkout-experiment', 'visa')).toEqualTypeOf<
    FlagEvaluation<Experiment>
  >()
  expectTypeOf(useVariant('checkout-experiment').value).toEqualTypeOf<Experiment | undefined>()
  return null
}

export function DefaultsMustFitTheRegisteredType() {
  // @ts-expect-error a string default for a boolean flag
  useFlag('new-checkout', 'yes')
  // @ts-expect-error a default outside the experiment's variants
  useFlag('checkout-experiment', 'cash')
  // @ts-expect-error an object of another shape
  useFlag('limits', { min: 1 })
  return null
}

export function theClientIsTypedTheSameWay() {
  const client = createFlagClient({ baseUrl: 'https://flags.example.com' })
  expectTypeOf(client.evaluate('checkout-experiment', 'control').value).toEqualTypeOf<Experiment>()
  // @ts-expect-error an unknown key
  client.evaluate('old-checkout', false)
  // @ts-expect-error a wrong default type
  client.evaluate('max-items', '10')
  // @ts-expect-error an unknown key cannot be reported either
  client.reportError('old-checkout', new Error('boom'))
}
