import { useId } from 'react'
import type { EvaluatedFlag, FlagClient, JsonValue } from 'vexil/core'
import { formatTime, formatValue } from './formatValue'
import { OverrideEditor } from './OverrideEditor'
import { variantsOf } from './variantsOf'

interface FlagRowProps {
  flagKey: string
  client: FlagClient
  served: EvaluatedFlag | undefined
  override: EvaluatedFlag | undefined
  exposed: boolean
  changedAt: number | undefined
  seenVariants: ReadonlyMap<string, JsonValue> | undefined
  /** The id of the text explaining why overrides are off, when they are. */
  disabledBecause: string | undefined
}

export function FlagRow(props: FlagRowProps) {
  const { flagKey, client, served, override, exposed, changedAt, seenVariants } = props
  const keyId = useId()
  const current = override ?? served
  return (
    <li className={override ? 'flag overridden' : 'flag'} aria-labelledby={keyId}>
      <div className="flag-head">
        <code id={keyId} className="key">
          {flagKey}
        </code>
        {override && <span className="badge badge-override">Overridden</span>}
        {exposed && <span className="badge badge-exposed">Exposed on this page</span>}
      </div>
      <dl className="facts">
        <Fact name="Value" value={formatValue(current?.value)} code />
        <Fact name="Variant" value={current?.variant ?? '—'} />
        <Fact name="Reason" value={current?.reason ?? '—'} />
        <Fact name="Source" value={current?.source ?? '—'} />
        <Fact name="Changed" value={formatTime(changedAt)} />
        {served?.errorCode !== undefined && <Fact name="Error" value={served.errorCode} />}
        {override && served && <Fact name="Served" value={formatValue(served.value)} code />}
      </dl>
      <OverrideEditor
        flagKey={flagKey}
        client={client}
        value={current?.value}
        variant={current?.variant}
        variants={variantsOf(served, seenVariants)}
        disabledBecause={props.disabledBecause}
      />
      {override && (
        <button
          type="button"
          className="reset"
          aria-label={`Reset ${flagKey}`}
          onClick={() => client.removeOverride(flagKey)}
        >
          Reset
        </button>
      )}
    </li>
  )
}

function Fact({ name, value, code = false }: { name: string; value: string; code?: boolean }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd>{code ? <code>{value}</code> : value}</dd>
    </div>
  )
}
