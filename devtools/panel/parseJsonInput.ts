import type { JsonValue } from 'vexil/core'

export type ParsedInput = { ok: true; value: JsonValue } | { ok: false; message: string }

/** Reads what a developer typed into a JSON editor, with a message that says what is wrong. */
export function parseJsonInput(text: string): ParsedInput {
  if (text.trim() === '') return { ok: false, message: 'Enter a JSON value.' }
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `Not valid JSON (${reason}). Nothing was applied.` }
  }
}
