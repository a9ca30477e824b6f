import { createRoot } from 'react-dom/client'
import { Panel } from './Panel'
import type { PanelProps } from './Panel'

export interface PanelHandle {
  render(open: boolean, autoFocus: boolean): void
  unmount(): void
}

/** The lazy half of the devtools: renders the panel into the shadow root's container. */
export function mountPanel(
  container: HTMLElement,
  props: Omit<PanelProps, 'open' | 'autoFocus'>,
): PanelHandle {
  const root = createRoot(container)
  return {
    render: (open, autoFocus) =>
      root.render(<Panel {...props} open={open} autoFocus={autoFocus} />),
    unmount: () => root.unmount(),
  }
}
