const httpDate = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/
const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/**
 * Milliseconds to wait from a `Retry-After` header given as delta-seconds (`120`), an HTTP-date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`) or an ISO-8601 timestamp (`2026-10-21T07:28:00Z`, the form in
 * OFREP's own examples). `undefined` when the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1_000
  // Date.parse alone reads almost anything (even "-5") as a date; accept only the two real forms.
  if (!httpDate.test(value) && !isoDate.test(value)) return undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
