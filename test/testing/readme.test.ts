import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')

test("the README's testing example is readmeExample.test.tsx, word for word", () => {
  const example = '```tsx\n' + read('./readmeExample.test.tsx') + '```'
  expect(read('../../README.md').includes(example), 'README.md § Testing').toBe(true)
})
