import { useId } from 'react'
import { evaluateFlag } from 'vexil/core'
import type { EvaluatedFlag, FlagClient, FlagClientState, JsonValue } from 'vexil/core'
import { formatTime, formatValue } from './formatValue'
import { OverrideEditor } from './OverrideEditor'
import { readExpiry } from './readExpiry'
import { readRollout } from './readRollout'
import { variantsOf } from './variantsOf'

interface FlagRowProps {
  flagKey: string
  client: FlagClient
  served: EvaluatedFlag | undefined
  override: EvaluatedFlag | undefined
  pin: FlagClientState['pins'][string] | undefined
  /** What a read sees (`readFlag`): the pin, else the override, else the served flag. */
  current: EvaluatedFlag | undefined
  exposed: boolean
  /** The time to judge kill dates against, in ms since the epoch. */
  now: number
  changedAt: number | undefined
  seenVariants: ReadonlyMap<string, JsonValue> | undefined
  /** The id of the text explaining why overrides are off, when they are. */
  disabledBecause: string | undefined
}

export function FlagRow(props: FlagRowProps) {
  const { flagKey, client, served, override, pin, exposed, changedAt, seenVariants } = props
  const keyId = useId()
  const pinnedId = useId()
  // A pin carries the variant that failed; the app reads its default, as the core evaluates it.
  const current = pin ? evaluateFlag(flagKey, pin, true, undefined) : props.current
  const editable = override ?? served
  const rollout = readRollout(served?.metadata)
  const expiry = readExpiry(served?.metadata, props.now)
  const disabledBecause = [props.disabledBecause, pin && pinnedId].filter(Boolean).join(' ')
  return (
    <li className={override ? 'flag overridden' : 'flag'} aria-labelledby={keyId}>
      <div className="flag-head">
        <code id={keyId} className="key">
          {flagKey}
        </code>
        {pin && <span className="badge badge-warning">Pinned to default</span>}
        {override && <span className="badge badge-override">Overridden</span>}
        {rollout && (
          <span className={rollout.state === 'rolled-back' ? 'badge badge-warning' : 'badge'}>
            Rollout {rollout.step}/{rollout.steps} · {rollout.percent} % ·{' '}
            {rollout.state.replace('-', ' ')}
          </span>
        )}
        {expiry?.expired && <span className="badge badge-warning">Expired</span>}
        {exposed && <span className="badge badge-exposed">Exposed on this page</span>}
      </div>
      <dl className="facts">
        <Fact name="Value" value={formatValue(current?.value)} code />
        <Fact name="Variant" value={current?.variant ?? '—'} />
        <Fact name="Reason" value={current?.reason ?? '—'} />
        <Fact name="Source" value={current?.source ?? '—'} />
        <Fact name="Changed" value={formatTime(changedAt)} />
        {pin && (
          <Fact
            name="Pinned"
            value={[
              `${pin.error.type}: ${pin.error.message}`,
              pin.variant && `in variant ${pin.variant}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        )}
        {served?.errorCode !== undefined && <Fact name="Error" value={served.errorCode} />}
        {(override || pin) && served && (
          <Fact name="Served" value={formatValue(served.value)} code />
        )}
        {rollout && (rollout.variant || rollout.reason) && (
          <Fact
            name="Rollout"
            value={[rollout.variant, rollout.reason].filter(Boolean).join(' · ')}
          />
        )}
        {expiry && <Fact name="Expiry" value={expiry.text} />}
      </dl>
      {pin && (
        <p id={pinnedId} className="note">
          Pinned to its default for this page session because it failed, so an override has no
          effect until the page reloads.
        </p>
      )}
      <OverrideEditor
        flagKey={flagKey}
        client={client}
        value={editable?.value}
        variant={editable?.variant}
        variants={variantsOf(served, seenVariants)}
        disabledBecause={disabledBecause === '' ? undefined : disabledBecause}
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
