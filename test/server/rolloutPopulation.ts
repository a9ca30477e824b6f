import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  CollectorEvent,
  DevServerOptions,
  FeatureEvent,
  RolloutStatus,
  TrackingEvent,
} from 'vexil/server'
import { postJson, startDevServer } from './devServerHarness'

/** A boolean flag to roll out: `on` to everyone, from the default `off`. */
export const checkoutFlags = {
  flags: {
    'new-checkout': {
      state: 'ENABLED',
      variants: { on: true, off: false },
      defaultVariant: 'off',
    },
    theme: {
      state: 'ENABLED',
      variants: { light: 'light', dark: 'dark' },
      defaultVariant: 'light',
    },
  },
}

/** A plan for `new-checkout`; `change` replaces fields. */
export function checkoutPlan(change: Record<string, unknown> = {}) {
  return {
    variant: 'on',
    steps: [10, 50, 100],
    minDwell: '0ms',
    minSample: 10,
    abort: { errorRateIncrease: 0.05 },
    ...change,
  }
}

const planDirectories: string[] = []

/**
 * A dev server with a rollouts file holding `plans`. The file lives in a directory of its own
 * (passed as `rolloutsFile`), so it exists before the server starts.
 */
export async function startRolloutServer(
  plans: Record<string, unknown>,
  options: Partial<DevServerOptions> = {},
) {
  const directory = mkdtempSync(join(tmpdir(), 'vexil-rollouts-'))
  planDirectories.push(directory)
  const rolloutsFile = join(directory, 'flags.rollouts.json')
  const writePlans = (next: Record<string, unknown>) =>
    writeFileSync(rolloutsFile, JSON.stringify({ rollouts: next }, null, 2))
  writePlans(plans)
  const running = await startDevServer(checkoutFlags, {
    rolloutsFile,
    // Long enough that only collector posts and explicit checks move a rollout.
    rolloutCheckIntervalMs: 60_000,
    ...options,
  })
  return { ...running, rolloutsFile, writePlans }
}

export function removePlanDirectories(): void {
  for (const directory of planDirectories.splice(0)) {
    rmSync(directory, { recursive: true, force: true })
  }
}

export async function rolloutStatus(
  url: string,
  headers: Record<string, string> = {},
): Promise<RolloutStatus> {
  const response = await fetch(`${url}/admin/rollouts`, { headers })
  const body = (await response.json()) as { rollouts: RolloutStatus[] }
  const [status] = body.rollouts
  if (!status) throw new Error('no rollout is running')
  return status
}

/** The variant the server assigns each user now, as a page would get it over OFREP. */
export async function assignVariants(url: string, users: readonly string[], flag = 'new-checkout') {
  const variants = await Promise.all(
    users.map(async (targetingKey) => {
      const response = await postJson(`${url}/ofrep/v1/evaluate/flags/${flag}`, {
        context: { targetingKey },
      })
      return ((await response.json()) as { variant: string }).variant
    }),
  )
  return new Map(users.map((user, index) => [user, variants[index] as string]))
}

export function users(count: number, prefix = 'user'): string[] {
  return Array.from({ length: count }, (_, index) => `${prefix}-${index}`)
}

export interface Population {
  /** Share of each variant's users who hit an error in it, e.g. `{ on: 0.3 }`. */
  errorShare?: Record<string, number>
  /** Share of each variant's users who convert, with the event key. */
  conversion?: { event: string; share: Record<string, number> }
}

let nextEventId = 0

/**
 * Simulates `users` on their pages: each is evaluated over OFREP and reports an exposure of the
 * variant it got; the first `errorShare` of a variant's users report a flag error, the first
 * `conversion.share` convert. Everything is posted to the collector in one batch, stamped now.
 * Answers who got which variant.
 */
export async function simulatePopulation(
  url: string,
  population: readonly string[],
  { errorShare = {}, conversion }: Population = {},
) {
  const assigned = await assignVariants(url, population)
  const byVariant = new Map<string, string[]>()
  for (const [user, variant] of assigned)
    byVariant.set(variant, [...(byVariant.get(variant) ?? []), user])
  const now = Date.now()
  const events: CollectorEvent[] = []
  for (const [variant, members] of byVariant) {
    const failing = Math.round(members.length * (errorShare[variant] ?? 0))
    const converting = Math.round(members.length * (conversion?.share[variant] ?? 0))
    members.forEach((userKey, index) => {
      events.push(
        event(
          { kind: 'feature', userKey, key: 'new-checkout', variation: variant, default: false },
          now,
        ),
      )
      if (index < failing) {
        events.push(
          event(
            {
              kind: 'tracking',
              userKey,
              key: 'vexil.flag_error',
              trackingEventDetails: { flagKey: 'new-checkout', variant, errorType: 'TypeError' },
            },
            now + 1,
          ),
        )
      }
      if (conversion && index < converting) {
        events.push(event({ kind: 'tracking', userKey, key: conversion.event }, now + 2))
      }
    })
  }
  const response = await postJson(`${url}/v1/data/collector`, { events, meta: {} })
  if (!response.ok) throw new Error(`the collector answered ${response.status}`)
  return byVariant
}

type EventFields =
  Omit<FeatureEvent, 'id' | 'creationDate'> | Omit<TrackingEvent, 'id' | 'creationDate'>

function event(fields: EventFields, creationDate: number) {
  nextEventId += 1
  return { ...fields, id: `rollout-event-${nextEventId}`, creationDate } as CollectorEvent
}
