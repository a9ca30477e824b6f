import { act, render, screen } from '@testing-library/react'
import { memo } from 'react'
import { expect, test } from 'vitest'
import { createFlagClient, FlagProvider, useFlag } from 'vexil'
import { baseUrl, serveFlags } from '../support/flagService'

const readerCount = 1_000
const keys = Array.from({ length: readerCount }, (_, index) => `flag-${index}`)

test('one flag change re-renders exactly one of 1,000 readers of different flags', async () => {
  const service = serveFlags(keys.map((key) => ({ key, value: false })))
  const renders = new Map<string, number>()
  const Reader = memo(function Reader({ flagKey }: { flagKey: string }) {
    renders.set(flagKey, (renders.get(flagKey) ?? 0) + 1)
    return <li>{`${flagKey}: ${useFlag(flagKey, false) ? 'on' : 'off'}`}</li>
  })
  const client = createFlagClient({ baseUrl })
  render(
    <FlagProvider client={client}>
      <ul>
        {keys.map((key) => (
          <Reader key={key} flagKey={key} />
        ))}
      </ul>
    </FlagProvider>,
  )
  await act(() => client.start())
  renders.clear()

  service.setFlags(keys.map((key) => ({ key, value: key === 'flag-500' })))
  await act(() => client.refresh())

  expect(screen.getByText('flag-500: on')).toBeDefined()
  expect([...renders]).toEqual([['flag-500', 1]])
})
