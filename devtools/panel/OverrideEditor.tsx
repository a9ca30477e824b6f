import { useState } from 'react'
import type { FormEvent } from 'react'
import type { FlagClient, FlagValue, JsonValue } from 'vexil/core'
import { toJsonText } from './formatValue'
import { parseJsonInput } from './parseJsonInput'
import type { ParsedInput } from './parseJsonInput'
import type { VariantChoice } from './variantsOf'

interface OverrideEditorProps {
  flagKey: string
  client: FlagClient
  value: JsonValue | undefined
  variant: string | undefined
  variants: VariantChoice[]
  disabledBecause: string | undefined
}

type ValueKind = 'boolean' | 'string' | 'number' | 'json'

function kindOf(value: JsonValue | undefined): ValueKind {
  if (typeof value === 'boolean' || typeof value === 'string' || typeof value === 'number') {
    return typeof value as ValueKind
  }
  return 'json'
}

/** Controls that fit the flag's type: a switch, a variant picker, a text, number or JSON input. */
export function OverrideEditor(props: OverrideEditorProps) {
  const { flagKey, client, value, variant, variants, disabledBecause } = props
  const [problem, setProblem] = useState<string>()
  const [pendingVariant, setPendingVariant] = useState<string>()
  const kind = kindOf(value)
  const disabled = disabledBecause !== undefined

  function apply(next: FlagValue, variantName?: string) {
    const named = variantName ?? variants.find((choice) => isSame(choice.value, next))?.name
    try {
      client.setOverride(flagKey, named === undefined ? next : { variant: named, value: next })
      setProblem(undefined)
      setPendingVariant(undefined)
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    }
  }

  function pickVariant(name: string) {
    const choice = variants.find((candidate) => candidate.name === name)
    if (choice?.value !== undefined && choice.value !== null) apply(choice.value, name)
    else setPendingVariant(name)
  }

  return (
    <fieldset className="override" disabled={disabled} aria-describedby={disabledBecause}>
      <legend className="visually-hidden">Override {flagKey}</legend>
      {kind === 'boolean' ? (
        <button
          type="button"
          role="switch"
          aria-checked={value === true}
          aria-label={`Override ${flagKey}`}
          className="switch"
          onClick={() => apply(value !== true)}
        >
          <span aria-hidden="true" className="switch-track" />
          {value === true ? 'On' : 'Off'}
        </button>
      ) : (
        <>
          {variants.length > 0 && (
            <label className="field">
              Variant
              <select
                aria-label={`Variant of ${flagKey}`}
                value={pendingVariant ?? variant ?? ''}
                onChange={(event) => pickVariant(event.target.value)}
              >
                <option value="" disabled>
                  Choose a variant
                </option>
                {variants.map((choice) => (
                  <option key={choice.name} value={choice.name}>
                    {choice.value === undefined
                      ? `${choice.name} (value not seen yet)`
                      : choice.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ValueForm
            // A new value from elsewhere (the service, a reset) replaces an unsent draft.
            key={toJsonText(value) ?? ''}
            flagKey={flagKey}
            kind={kind}
            value={value}
            pendingVariant={pendingVariant}
            onApply={(parsed) =>
              parsed.ok
                ? apply(parsed.value as FlagValue, pendingVariant)
                : setProblem(parsed.message)
            }
          />
        </>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  )
}

interface ValueFormProps {
  flagKey: string
  kind: Exclude<ValueKind, 'boolean'>
  value: JsonValue | undefined
  pendingVariant: string | undefined
  onApply(parsed: ParsedInput): void
}

function ValueForm({ flagKey, kind, value, pendingVariant, onApply }: ValueFormProps) {
  const [draft, setDraft] = useState(() =>
    kind === 'json' ? (toJsonText(value, 2) ?? '') : String(value),
  )
  const label =
    pendingVariant !== undefined
      ? `Value of variant ${pendingVariant} for ${flagKey}`
      : kind === 'json'
        ? `JSON value of ${flagKey}`
        : `Value of ${flagKey}`

  function submit(event: FormEvent) {
    event.preventDefault()
    onApply(readDraft(kind, draft))
  }

  return (
    <form className="value-form" onSubmit={submit}>
      {kind === 'json' ? (
        <textarea
          aria-label={label}
          value={draft}
          rows={Math.min(8, draft.split('\n').length)}
          spellCheck={false}
          onChange={(event) => setDraft(event.target.value)}
        />
      ) : (
        <input
          type={kind === 'number' ? 'number' : 'text'}
          step="any"
          aria-label={label}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
      )}
      <button type="submit" aria-label={`Apply ${flagKey}`}>
        Apply
      </button>
      {pendingVariant !== undefined && (
        <p className="hint">Enter the value variant {pendingVariant} serves, then apply.</p>
      )}
    </form>
  )
}

function readDraft(kind: ValueFormProps['kind'], draft: string): ParsedInput {
  if (kind === 'string') return { ok: true, value: draft }
  if (kind === 'number') {
    const number = Number(draft)
    return draft.trim() !== '' && Number.isFinite(number)
      ? { ok: true, value: number }
      : { ok: false, message: 'Enter a number. Nothing was applied.' }
  }
  const parsed = parseJsonInput(draft)
  if (parsed.ok && parsed.value === null) {
    return { ok: false, message: 'null cannot be a flag value. Nothing was applied.' }
  }
  return parsed
}

function isSame(a: JsonValue | undefined, b: JsonValue): boolean {
  return a !== undefined && toJsonText(a) === toJsonText(b)
}
