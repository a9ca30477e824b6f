/** The parts of Storybook's story context that `flagArgs` reads. */
export interface FlagArgsContext {
  parameters: { vexil?: { flags?: Readonly<Record<string, unknown>> } }
  initialArgs: Readonly<Record<string, unknown>>
}

/**
 * A Storybook args enhancer that turns each story's `parameters.vexil.flags` into `flag_<key>`
 * args, so every flag gets a control to flip it while viewing the story (`withFlags` reads them).
 * An arg the story sets itself wins.
 * @example
 * // .storybook/preview.ts
 * export default { decorators: [withFlags], argsEnhancers: [flagArgs] }
 */
export function flagArgs({ parameters, initialArgs }: FlagArgsContext): Record<string, unknown> {
  const args: Record<string, unknown> = {}
  for (const [key, flag] of Object.entries(parameters.vexil?.flags ?? {})) {
    const name = `flag_${key}`
    if (flag !== undefined && !(name in initialArgs)) args[name] = flag
  }
  return args
}
