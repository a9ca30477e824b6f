/** Makes jsdom's page hidden or visible, as switching tabs does, and fires visibilitychange. */
export function setPageVisibility(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  document.dispatchEvent(new Event('visibilitychange'))
}

/** Fires the browser's offline or online event, with `navigator.onLine` to match. */
export function setNetwork(state: 'offline' | 'online'): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => state === 'online' })
  window.dispatchEvent(new Event(state))
}
