import { useEffect } from 'react'
import type { KeyboardEvent, RefObject } from 'react'

const focusable = 'button, input, select, textarea, [tabindex]:not([tabindex="-1"])'

function focusableIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(focusable)].filter(
    (element) =>
      !element.matches(':disabled') &&
      element.tabIndex !== -1 &&
      element.closest('[hidden]') === null,
  )
}

function activeElementIn(container: HTMLElement): Element | null {
  const root = container.getRootNode() as Document | ShadowRoot
  return root.activeElement
}

/**
 * Keeps Tab and Shift+Tab inside `container` while it is shown, and moves focus into it when it
 * opens because someone asked for it (not when it reopens by itself on page load).
 */
export function useFocusTrap(
  container: RefObject<HTMLElement | null>,
  active: boolean,
  autoFocus: boolean,
) {
  useEffect(() => {
    const element = container.current
    if (!active || !autoFocus || element === null) return
    const preferred = element.querySelector<HTMLElement>('[data-autofocus]')
    ;(preferred ?? focusableIn(element)[0])?.focus()
  }, [container, active, autoFocus])

  return function trapTab(event: KeyboardEvent) {
    const element = container.current
    if (event.key !== 'Tab' || element === null) return
    const elements = focusableIn(element)
    const first = elements[0]
    const last = elements[elements.length - 1]
    const current = activeElementIn(element)
    if (first === undefined || last === undefined) return
    if (event.shiftKey && (current === first || !element.contains(current))) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (current === last || !element.contains(current))) {
      event.preventDefault()
      first.focus()
    }
  }
}
