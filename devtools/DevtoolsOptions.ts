/** Where the toggle button floats. */
export type DevtoolsPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left'

export interface DevtoolsOptions {
  /**
   * The corner the toggle button floats in.
   * @default 'bottom-right'
   */
  position?: DevtoolsPosition
  /**
   * The keyboard shortcut that opens and closes the panel: modifiers and a key joined by `+`
   * (`mod` is Ctrl, or Cmd on a Mac), or `false` for none.
   * @default 'mod+shift+f'
   */
  shortcut?: string | false
  /** A nonce for the panel's `<style>` elements, for a Content-Security-Policy without `unsafe-inline`. */
  styleNonce?: string
  /**
   * Whether the panel starts open the first time; afterwards the last state on this device wins.
   * @default false
   */
  initialIsOpen?: boolean
  /**
   * `system` follows the page's `prefers-color-scheme`.
   * @default 'system'
   */
  theme?: 'system' | 'light' | 'dark'
}
