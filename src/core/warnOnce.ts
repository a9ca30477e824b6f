let warned: Set<string> | undefined

/** Development-only console warning, printed once per distinct message. */
export function warnOnce(message: string): void {
  if (process.env.NODE_ENV === 'production') return
  warned ??= new Set()
  if (warned.has(message)) return
  warned.add(message)
  console.warn(`[vexil] ${message}`)
}
