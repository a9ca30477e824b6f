import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

// As test/support/setupReact.ts, but also for the files that run in Node (the bundle checks).
afterEach(() => {
  cleanup()
  globalThis.localStorage?.clear()
})
