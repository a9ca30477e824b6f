import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
  // The flag cache persists to localStorage: one test's answers must not seed the next one's render.
  localStorage.clear()
})
