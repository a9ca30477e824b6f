import { useState } from 'react'
import { formatOverrideParam } from 'vexil/core'
import type { FlagMap, FlagValue } from 'vexil/core'

/** This page's URL with the current overrides in its `vexil` parameter. */
export function shareLinkFor(overrides: FlagMap, href: string): string {
  const url = new URL(href)
  const values: Record<string, FlagValue> = {}
  for (const { key, value } of Object.values(overrides)) {
    if (value !== undefined && value !== null) values[key] = value
  }
  if (Object.keys(values).length === 0) url.searchParams.delete('vexil')
  else url.searchParams.set('vexil', formatOverrideParam(values))
  return url.href
}

export function ShareLink({ overrides }: { overrides: FlagMap }) {
  const [shared, setShared] = useState<{ link: string; message: string }>()

  async function copy() {
    const link = shareLinkFor(overrides, window.location.href)
    setShared({ link, message: 'Copying…' })
    try {
      await navigator.clipboard.writeText(link)
      setShared({ link, message: 'Copied to the clipboard.' })
    } catch {
      setShared({ link, message: 'Copy the link from the field below.' })
    }
  }

  return (
    <div className="share">
      <button type="button" onClick={() => void copy()}>
        Copy share link
      </button>
      {shared && (
        <>
          <span role="status">{shared.message}</span>
          <label className="share-link">
            Share link
            <input readOnly value={shared.link} onFocus={(event) => event.target.select()} />
          </label>
        </>
      )}
    </div>
  )
}
