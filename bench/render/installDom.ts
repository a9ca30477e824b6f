import { JSDOM } from 'jsdom'

const globalNames = [
  'window',
  'document',
  'navigator',
  'Node',
  'Element',
  'HTMLElement',
  'Text',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
] as const

/**
 * Gives Node a jsdom document as globals. Call it before react-dom loads: it looks for a DOM
 * once, when it loads.
 */
export function installDom(): void {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'http://localhost/',
    pretendToBeVisual: true,
  })
  for (const name of globalNames) {
    const value: unknown = name === 'window' ? window : window[name]
    Object.defineProperty(globalThis, name, {
      configurable: true,
      writable: true,
      value: typeof value === 'function' && /^[a-z]/.test(name) ? value.bind(window) : value,
    })
  }
}
