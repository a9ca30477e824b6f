import { useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { FlagClient } from 'vexil/core'
import type { EventRecorder } from '../createEventRecorder'
import type { DevtoolsOptions } from '../DevtoolsOptions'
import { ContextView } from './ContextView'
import { EventLog } from './EventLog'
import { FlagsView } from './FlagsView'
import { panelCss } from './panelCss'
import { StatusBar } from './StatusBar'
import { Tabs } from './Tabs'
import { useFocusTrap } from './useFocusTrap'

export interface PanelProps {
  client: FlagClient
  recorder: EventRecorder
  styleNonce: string | undefined
  theme: NonNullable<DevtoolsOptions['theme']>
  open: boolean
  /** Whether opening should move focus into the panel (not when it reopens on page load). */
  autoFocus: boolean
  onClose(): void
}

const views = ['Flags', 'Events', 'Context'] as const
type View = (typeof views)[number]

export function Panel({
  client,
  recorder,
  styleNonce,
  theme,
  open,
  autoFocus,
  onClose,
}: PanelProps) {
  const dialog = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const [view, setView] = useState<View>('Flags')
  const trapTab = useFocusTrap(dialog, open, autoFocus)

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onClose()
    } else {
      trapTab(event)
    }
  }

  return (
    <>
      <style nonce={styleNonce}>{panelCss}</style>
      {open && (
        <div
          ref={dialog}
          className="vexil-panel"
          data-theme={theme}
          role="dialog"
          aria-modal="true"
          aria-labelledby={titleId}
          onKeyDown={onKeyDown}
        >
          <header className="header">
            <h2 id={titleId} className="title">
              Flag devtools
            </h2>
            <button
              type="button"
              className="close"
              aria-label="Close flag devtools"
              onClick={onClose}
            >
              ×
            </button>
          </header>
          <StatusBar client={client} />
          <Tabs<View> tabs={views} selected={view} onSelect={setView} label="Devtools views">
            {view === 'Flags' && <FlagsView client={client} recorder={recorder} />}
            {view === 'Events' && <EventLog recorder={recorder} />}
            {view === 'Context' && <ContextView client={client} />}
          </Tabs>
        </div>
      )}
    </>
  )
}
