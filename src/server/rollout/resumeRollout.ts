import type { RolloutRecord } from '../auditRecord'
import { isJsonObject } from '../flagDefinition'
import type { RolloutPlan, RolloutState } from './RolloutPlan'

export interface ResumedRollout {
  step: number
  percent: number
  state: RolloutState
  stepStartedAt: number
  /** The reason recorded with the last transition. */
  why: string
}

const states: readonly string[] = ['advancing', 'holding', 'rolled-back', 'complete']

/**
 * Where a plan stood when the server last ran: the flag's last rollout record in the audit log,
 * if it was written for this very plan. The step's dwell counts from that record's time.
 */
export function resumeRollout(
  plan: RolloutPlan,
  records: readonly unknown[],
): ResumedRollout | undefined {
  const last = records
    .filter(isRolloutRecord)
    .filter(({ flag }) => flag === plan.flag)
    .at(-1)
  if (!last || last.plan !== plan.hash) return undefined
  const { step, percent } = last.to
  const stepStartedAt = Date.parse(last.time)
  const expected = step === 0 ? 0 : plan.steps[step - 1]
  if (percent !== expected || !Number.isFinite(stepStartedAt) || !states.includes(last.state)) {
    return undefined
  }
  return { step, percent, state: last.state, stepStartedAt, why: String(last.reason) }
}

function isRolloutRecord(record: unknown): record is RolloutRecord {
  return (
    isJsonObject(record) &&
    record.kind === 'rollout' &&
    typeof record.flag === 'string' &&
    typeof record.time === 'string' &&
    isJsonObject(record.to) &&
    typeof record.to.step === 'number' &&
    typeof record.to.percent === 'number'
  )
}
