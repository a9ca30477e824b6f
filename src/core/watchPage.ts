export interface PageEvents {
  onHidden(): void
  onVisible(): void
  onOffline(): void
  onOnline(): void
}

/**
 * Follows the page's visibility and connectivity where a browser provides them; a no-op elsewhere
 * (Node, workers without a document). Returns the function that stops listening.
 */
export function watchPage(events: PageEvents): () => void {
  const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>
  const document = globalThis.document as Document | undefined
  if (typeof target.addEventListener !== 'function' || document === undefined) return () => {}

  const onVisibilityChange = () =>
    document.visibilityState === 'hidden' ? events.onHidden() : events.onVisible()
  const onOffline = () => events.onOffline()
  const onOnline = () => events.onOnline()
  document.addEventListener('visibilitychange', onVisibilityChange)
  target.addEventListener('offline', onOffline)
  target.addEventListener('online', onOnline)
  return () => {
    document.removeEventListener('visibilitychange', onVisibilityChange)
    target.removeEventListener?.('offline', onOffline)
    target.removeEventListener?.('online', onOnline)
  }
}

/** Whether the browser says it has no network; hosts without `navigator.onLine` count as online. */
export function isOffline(): boolean {
  return globalThis.navigator?.onLine === false
}

export function isHidden(): boolean {
  return globalThis.document?.visibilityState === 'hidden'
}
