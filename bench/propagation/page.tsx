// The page the propagation bench opens in Chromium: one flag read through vexil, and the same
// flag followed by hand (EventSource + fetch + textContent) as the bare baseline. A mutation
// observer timestamps every change of either on the page's clock.
import { createRoot } from 'react-dom/client'
import { createFlagClient, FlagProvider, useFlag, useFlagStatus } from 'vexil'

export interface DomChange {
  id: string
  text: string
  time: number
}

declare global {
  interface Window {
    bench: { changes: DomChange[]; ready(): boolean }
  }
}

const server = new URLSearchParams(location.search).get('server') ?? ''
const flagKey = 'kill-switch'
const context = { targetingKey: 'bench-user' }
const now = () => performance.timeOrigin + performance.now()
const changes: DomChange[] = []
let bareStreamOpen = false

new MutationObserver((records) => {
  const time = now()
  const targets = new Set(
    records.map(({ target }) => (target instanceof Element ? target : target.parentElement)),
  )
  for (const target of targets) {
    if (target?.id === 'vexil' || target?.id === 'bare') {
      changes.push({ id: target.id, text: target.textContent ?? '', time })
    }
  }
}).observe(document.body, { subtree: true, childList: true, characterData: true })

window.bench = {
  changes,
  ready: () =>
    document.getElementById('vexil')?.dataset.connection === 'streaming' &&
    bareStreamOpen &&
    document.getElementById('vexil')?.textContent === 'off' &&
    document.getElementById('bare')?.textContent === 'off',
}

function KillSwitch() {
  const on = useFlag(flagKey, false)
  const { connection } = useFlagStatus()
  return (
    <output id="vexil" data-connection={connection}>
      {on ? 'on' : 'off'}
    </output>
  )
}

const client = createFlagClient({ baseUrl: server, context, cacheMode: 'disabled' })
createRoot(document.getElementById('root')!).render(
  <FlagProvider client={client}>
    <KillSwitch />
  </FlagProvider>,
)

interface BulkAnswer {
  flags: { key: string; value?: unknown }[]
  eventStreams?: { type: string; url?: string }[]
}

async function refetchBare(): Promise<BulkAnswer> {
  const response = await fetch(`${server}/ofrep/v1/evaluate/flags`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ context }),
  })
  const answer = (await response.json()) as BulkAnswer
  const text = answer.flags.find((flag) => flag.key === flagKey)?.value === true ? 'on' : 'off'
  const output = document.getElementById('bare')!
  if (output.textContent !== text) output.textContent = text
  return answer
}

const first = await refetchBare()
const stream = new EventSource(first.eventStreams?.find((each) => each.type === 'sse')?.url ?? '')
stream.onopen = () => (bareStreamOpen = true)
stream.onmessage = (event: MessageEvent<string>) => {
  changes.push({ id: 'notice', text: '', time: now() })
  if ((JSON.parse(event.data) as { type?: string }).type === 'refetchEvaluation') {
    void refetchBare()
  }
}
