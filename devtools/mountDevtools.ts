import type { FlagClient } from 'vexil/core'
import { createEventRecorder } from './createEventRecorder'
import type { DevtoolsOptions } from './DevtoolsOptions'
import { matchesShortcut } from './matchesShortcut'
import type { mountPanel, PanelHandle } from './panel/mountPanel'
import { toggleCss } from './toggleCss'

const hostTag = 'vexil-devtools'
const openStateKey = 'vexil:devtools:open'

/** Loads the panel chunk. Each entry passes its own, so a production build can drop the import. */
export type PanelLoader = () => Promise<{ mountPanel: typeof mountPanel }>

/**
 * Mounts the devtools on the page for `client`: a toggle button and a keyboard shortcut that
 * open the panel, which is downloaded on first open. Everything lives in one shadow root, so the
 * page's styles and the panel's cannot touch each other. Returns a function that removes it all.
 */
export function mountDevtools(
  client: FlagClient,
  options: DevtoolsOptions,
  loadPanel: PanelLoader,
): () => void {
  const { position = 'bottom-right', shortcut = 'mod+shift+f', styleNonce } = options
  const { initialIsOpen = false, theme = 'system' } = options
  if (typeof document === 'undefined') return () => {}
  if (document.querySelector(hostTag) !== null) {
    if (process.env.NODE_ENV !== 'production') {
      console.warn(
        '[vexil] devtools are already mounted on this page, so this second mount was ignored. Render <FlagDevtools /> (or call mountFlagDevtools) once, near the root of the app.',
      )
    }
    return () => {}
  }

  const host = document.createElement(hostTag)
  host.dataset.position = position
  // Also set here, where page styles for the host's tag cannot easily outrank it (CSSOM, so CSP-safe).
  host.style.setProperty('position', 'fixed', 'important')
  host.style.setProperty('z-index', '2147483646', 'important')
  const shadowRoot = host.attachShadow({ mode: 'open' })
  const style = document.createElement('style')
  if (styleNonce !== undefined) style.nonce = styleNonce
  style.textContent = toggleCss
  const toggle = document.createElement('button')
  toggle.type = 'button'
  toggle.className = 'vexil-toggle'
  toggle.textContent = 'Flags'
  toggle.setAttribute('aria-label', 'Open flag devtools')
  toggle.setAttribute('aria-expanded', 'false')
  if (shortcut) toggle.setAttribute('aria-keyshortcuts', ariaShortcut(shortcut))
  const container = document.createElement('div')
  shadowRoot.append(style, toggle, container)
  document.body.append(host)

  const recorder = createEventRecorder(client)
  let panel: Promise<PanelHandle> | undefined
  let open = false
  let mounted = true

  function setOpen(next: boolean, byUser = true): void {
    open = next
    toggle.hidden = next
    toggle.setAttribute('aria-expanded', String(next))
    remember(next)
    if (next) {
      panel ??= loadPanel().then(({ mountPanel }) =>
        mountPanel(container, {
          client,
          recorder,
          styleNonce,
          theme,
          onClose: () => setOpen(false),
        }),
      )
    } else if (byUser) {
      toggle.focus()
    }
    void panel?.then((handle) => {
      if (mounted) handle.render(open, byUser)
    })
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (shortcut && matchesShortcut(event, shortcut)) {
      event.preventDefault()
      setOpen(!open)
    }
  }

  toggle.addEventListener('click', () => setOpen(true))
  window.addEventListener('keydown', onKeyDown)
  if (recall() ?? initialIsOpen) setOpen(true, false)

  return () => {
    if (!mounted) return
    mounted = false
    window.removeEventListener('keydown', onKeyDown)
    recorder.stop()
    host.remove()
    // Asynchronous on purpose: a React root must not be unmounted while another one renders.
    void panel?.then((handle) => handle.unmount())
  }
}

/** `mod+shift+f` as ARIA spells it: `Control+Shift+F Meta+Shift+F`. */
function ariaShortcut(shortcut: string): string {
  const parts = shortcut.split('+').map((part) => {
    const name = part.toLowerCase()
    if (name === 'ctrl') return 'Control'
    return name.length === 1 ? name.toUpperCase() : name[0]!.toUpperCase() + name.slice(1)
  })
  if (!parts.includes('Mod')) return parts.join('+')
  return ['Control', 'Meta']
    .map((modifier) => parts.map((part) => (part === 'Mod' ? modifier : part)).join('+'))
    .join(' ')
}

function recall(): boolean | undefined {
  try {
    const stored = localStorage.getItem(openStateKey)
    return stored === null ? undefined : stored === 'true'
  } catch {
    return undefined
  }
}

function remember(open: boolean): void {
  try {
    localStorage.setItem(openStateKey, String(open))
  } catch {
    // Storage can be full or blocked; the panel then just forgets its state on reload.
  }
}
