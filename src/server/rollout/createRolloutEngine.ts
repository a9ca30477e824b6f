import { readFile } from 'node:fs/promises'
import { flagErrorEventKey } from '../../core/events/flagErrorEventKey'
import type { RolloutRecord } from '../auditRecord'
import type { CollectorEvent } from '../collectorEvents'
import type { EventCollector } from '../createEventCollector'
import type { FlagStore } from '../createFlagStore'
import type { DevServerLogger } from '../DevServerOptions'
import { FlagFileError } from '../FlagFileError'
import type { JsonLinesFile } from '../jsonLinesFile'
import { watchFile } from '../watchFile'
import { describeRolloutStatus } from './describeRolloutStatus'
import { displayPath } from '../displayPath'
import { judgeRolloutStep } from './judgeRolloutStep'
import { measureRolloutStep } from './measureRolloutStep'
import { parseRolloutFile } from './parseRolloutFile'
import { resumeRollout } from './resumeRollout'
import type { Rollout } from './Rollout'
import type { RolloutPlan, RolloutState } from './RolloutPlan'
import { rolloutReason } from './rolloutReason'
import type { RolloutStatus } from './RolloutStatus'

export interface RolloutEngineOptions {
  rolloutsFile: string
  flagsFile: string
  store: FlagStore
  collector: EventCollector
  auditLog: JsonLinesFile
  logger: DevServerLogger
  checkIntervalMs: number
  reloadDebounceMs: number
  now?: () => number
}

/** Runs the guarded rollouts of the rollouts file against the served flags. */
export interface RolloutEngine {
  /** Reads the plans, resumes each from the audit log and serves its split. Throws a `FlagFileError`. */
  load(): Promise<void>
  /** Checks on a timer and follows edits of the rollouts file until the returned stop is called. */
  run(): () => Promise<void>
  /** Reads the rollouts file again; an invalid edit is refused and logged. */
  reload(): Promise<void>
  /** Checks the plans against a new version of the flag file. */
  flagsChanged(): Promise<void>
  /** Advances, holds or rolls back every running rollout as its step's numbers say. */
  check(): Promise<void>
  /** Checks at once when the collector accepted events that a running rollout watches. */
  eventsIngested(events: readonly CollectorEvent[]): Promise<void>
  status(): RolloutStatus[]
}

export function createRolloutEngine(options: RolloutEngineOptions): RolloutEngine {
  const { rolloutsFile, flagsFile, store, collector, auditLog, logger } = options
  const now = options.now ?? Date.now
  const name = displayPath(rolloutsFile)
  const rollouts = new Map<string, Rollout>()
  let lastText: string | undefined
  let queue = Promise.resolve()
  let stopped = false

  // Checks, reloads and their audit records happen one at a time, in order.
  function serialized(task: () => Promise<void>): Promise<void> {
    queue = queue
      .then(() => (stopped ? undefined : task()))
      .catch((error: unknown) => {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
        logger.error(`[vexil] rollouts: ${detail}`)
      })
    return queue
  }

  async function readText(): Promise<string | undefined> {
    try {
      return await readFile(rolloutsFile, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      // No rollouts file is no rollouts.
      if (code === 'ENOENT') return undefined
      throw new FlagFileError(`${name}: cannot be read (${code})`)
    }
  }

  function parse(text: string | undefined): Map<string, RolloutPlan> {
    return text === undefined
      ? new Map()
      : parseRolloutFile(text, rolloutsFile, store.file(), flagsFile)
  }

  function serve(rollout: Rollout): void {
    const { plan, step, percent, state, reason } = rollout
    store.setRollout(plan.flag, {
      variant: plan.variant,
      control: plan.control,
      percent,
      metadata: {
        rolloutState: state,
        rolloutStep: step,
        rolloutSteps: plan.steps.length,
        rolloutPercent: percent,
        rolloutVariant: plan.variant,
        rolloutReason: reason,
      },
    })
  }

  async function moveTo(rollout: Rollout, step: number, why: string): Promise<void> {
    const from = { step: rollout.step, percent: rollout.percent }
    const percent = step === 0 ? 0 : (rollout.plan.steps[step - 1] as number)
    const state: RolloutState =
      step === 0 ? 'rolled-back' : percent === 100 ? 'complete' : 'advancing'
    Object.assign(rollout, { step, percent, state, stepStartedAt: now() })
    rollout.reason = rolloutReason(rollout.plan, state, step, why)
    serve(rollout)
    const record: RolloutRecord = {
      kind: 'rollout',
      actor: 'vexil rollout',
      time: new Date(rollout.stepStartedAt).toISOString(),
      flag: rollout.plan.flag,
      plan: rollout.plan.hash,
      from,
      to: { step, percent },
      state,
      reason: why,
    }
    await auditLog.append([record])
    const label = state === 'advancing' ? '' : state === 'complete' ? ', complete' : ', rolled back'
    logger.info(`[vexil] rollout "${record.flag}": ${from.percent}% → ${percent}%${label} (${why})`)
  }

  function setState(rollout: Rollout, state: RolloutState, why: string): void {
    rollout.state = state
    rollout.reason = rolloutReason(rollout.plan, state, rollout.step, why)
    serve(rollout)
    const told = state === 'holding' ? rollout.reason : `${why}; ${rollout.reason}`
    logger.info(`[vexil] rollout "${rollout.plan.flag}": ${told}`)
  }

  async function applyPlans(plans: Map<string, RolloutPlan>): Promise<void> {
    for (const [flag] of rollouts) {
      if (plans.has(flag)) continue
      rollouts.delete(flag)
      store.setRollout(flag, undefined)
      logger.info(
        `[vexil] rollout "${flag}": its plan left ${name}; the flag file's targeting applies again.`,
      )
    }
    const records = await auditLog.readAll()
    for (const plan of plans.values()) {
      const current = rollouts.get(plan.flag)
      if (current?.plan.hash === plan.hash) continue
      const resumed = resumeRollout(plan, records)
      if (resumed) {
        const rollout: Rollout = { plan, ...resumed, reason: '' }
        rollout.reason = rolloutReason(plan, resumed.state, resumed.step, resumed.why)
        rollouts.set(plan.flag, rollout)
        serve(rollout)
        logger.info(`[vexil] rollout "${plan.flag}": resumed from the audit log; ${rollout.reason}`)
        continue
      }
      const rollout: Rollout = current
        ? { ...current, plan, judgement: undefined }
        : { plan, step: 0, percent: 0, state: 'advancing', stepStartedAt: now(), reason: '' }
      rollouts.set(plan.flag, rollout)
      await moveTo(rollout, 1, current ? 'the plan changed; starting over' : 'the plan started')
    }
  }

  async function checkNow(): Promise<void> {
    for (const rollout of rollouts.values()) {
      if (rollout.state !== 'advancing' && rollout.state !== 'holding') continue
      const { plan, stepStartedAt } = rollout
      const measurement = measureRolloutStep(collector.events(), plan, stepStartedAt)
      const judgement = judgeRolloutStep(plan, measurement, now() - stepStartedAt)
      const judged = { ...judgement, since: stepStartedAt }
      if (judgement.verdict === 'abort') {
        rollout.judgement = judged
        await moveTo(rollout, 0, judgement.reason)
      } else if (judgement.verdict === 'advance') {
        rollout.judgement = judged
        await moveTo(rollout, rollout.step + 1, judgement.reason)
      } else if (judgement.verdict === 'hold' && rollout.state !== 'holding') {
        setState(rollout, 'holding', judgement.reason)
      } else if (judgement.verdict === 'wait' && rollout.state === 'holding') {
        setState(rollout, 'advancing', 'the guards hold again')
      }
    }
  }

  const reload = () =>
    serialized(async () => {
      let text: string | undefined
      let plans: Map<string, RolloutPlan>
      try {
        text = await readText()
        if (text === lastText) return
        plans = parse(text)
      } catch (error) {
        if (!(error instanceof FlagFileError)) throw error
        logger.error(
          `[vexil] rejected an edit of ${error.message}\n  Still running the last good rollout plans.`,
        )
        return
      }
      lastText = text
      await applyPlans(plans)
    })

  function watches(event: CollectorEvent, plan: RolloutPlan): boolean {
    if (event.kind === 'feature') return event.key === plan.flag
    if (event.key === flagErrorEventKey) return event.trackingEventDetails?.flagKey === plan.flag
    return Object.hasOwn(plan.abort.conversionDrop, event.key)
  }

  return {
    async load() {
      const text = await readText()
      const plans = parse(text)
      lastText = text
      await applyPlans(plans)
    },
    run() {
      const timer = setInterval(() => void serialized(checkNow), options.checkIntervalMs)
      let unwatch = () => {}
      try {
        unwatch = watchFile(rolloutsFile, options.reloadDebounceMs, () => void reload())
      } catch {
        // The rollouts file's directory does not exist, so no plans can appear in it.
      }
      return async () => {
        stopped = true
        clearInterval(timer)
        unwatch()
        await queue
      }
    },
    reload,
    flagsChanged: () =>
      serialized(async () => {
        let plans: Map<string, RolloutPlan>
        try {
          plans = parse(lastText)
        } catch (error) {
          if (!(error instanceof FlagFileError)) throw error
          logger.error(
            `[vexil] ${displayPath(flagsFile)} changed and ${error.message}\n  Still running the last good rollout plans.`,
          )
          return
        }
        await applyPlans(plans)
      }),
    check: () => serialized(checkNow),
    eventsIngested(events) {
      const plans = [...rollouts.values()]
        .filter(({ state }) => state === 'advancing' || state === 'holding')
        .map(({ plan }) => plan)
      const watched = events.some((event) => plans.some((plan) => watches(event, plan)))
      return watched ? serialized(checkNow) : Promise.resolve()
    },
    status: () =>
      [...rollouts.values()].map((rollout) =>
        describeRolloutStatus(rollout, collector.events(), now()),
      ),
  }
}
