/**
 * Whether a key press is `shortcut` (e.g. `mod+shift+f`). `mod` is Cmd on a Mac and Ctrl
 * elsewhere; either is accepted, so the same setting works on every machine.
 */
export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.toLowerCase().split('+')
  const key = parts.pop()
  const has = (modifier: string) => parts.includes(modifier)
  const modPressed = event.ctrlKey || event.metaKey
  if (has('mod') ? !modPressed : event.ctrlKey !== has('ctrl') || event.metaKey !== has('meta')) {
    return false
  }
  if (event.shiftKey !== has('shift') || event.altKey !== has('alt')) return false
  // With Alt or Shift held, `key` may be another character; the physical key still says which.
  return event.key.toLowerCase() === key || event.code.toLowerCase() === `key${key}`
}
