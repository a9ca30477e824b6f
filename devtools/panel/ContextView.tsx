import { useState } from 'react'
import type { FormEvent } from 'react'
import type { EvaluationContext, FlagClient } from 'vexil/core'
import { toJsonText } from './formatValue'
import { parseJsonInput } from './parseJsonInput'
import { useClientState } from './useClientState'

/** Who the flags are evaluated for, and an editor to evaluate them for someone else. */
export function ContextView({ client }: { client: FlagClient }) {
  const { context, evaluatedContext, status } = useClientState(client)
  const [draft, setDraft] = useState(() => toJsonText(context, 2) ?? '{}')
  const [message, setMessage] = useState<{ text: string; problem: boolean }>()

  function submit(event: FormEvent) {
    event.preventDefault()
    const parsed = parseJsonInput(draft)
    if (!parsed.ok) return setMessage({ text: parsed.message, problem: true })
    const next = parsed.value
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      return setMessage({
        text: 'A context is a JSON object, e.g. {"targetingKey": "user-2"}. Nothing was applied.',
        problem: true,
      })
    }
    try {
      void client.setContext(next as EvaluationContext)
      setMessage({ text: 'Context switched: flags are being evaluated for it.', problem: false })
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), problem: true })
    }
  }

  return (
    <section className="context" aria-label="Context">
      <h3>Current context</h3>
      <pre aria-label="Current context">{toJsonText(context, 2)}</pre>
      {status === 'stale' && evaluatedContext !== undefined && (
        <p className="note">
          The values shown were evaluated for the previous context until the new answer arrives.
        </p>
      )}
      <form onSubmit={submit}>
        <label className="field">
          Evaluation context (JSON)
          <textarea
            value={draft}
            rows={6}
            spellCheck={false}
            onChange={(event) => setDraft(event.target.value)}
            data-autofocus
          />
        </label>
        <button type="submit">Switch context</button>
      </form>
      {message && (
        <p
          className={message.problem ? 'error' : 'note'}
          role={message.problem ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  )
}
