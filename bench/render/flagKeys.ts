/** `count` distinct flag keys, `flag-0` … */
export const flagKeys = (count: number) =>
  Array.from({ length: count }, (_, index) => `flag-${index}`)

/** The same flags, all off. */
export const allOff = (keys: readonly string[]) =>
  Object.fromEntries(keys.map((key) => [key, false])) as Record<string, boolean>

export const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve))
