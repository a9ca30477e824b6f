import { describeGuard } from '../rollout/judgeRolloutStep'
import { formatDuration } from '../rollout/formatDuration'
import type { RolloutStatus } from '../rollout/RolloutStatus'

/** One plain-text block per rollout: where it stands, why, and the numbers behind it. */
export function formatRolloutStatus(rollouts: readonly RolloutStatus[], now: number): string {
  if (rollouts.length === 0) {
    return 'No rollouts. Plan one in the rollouts file next to the flag file, e.g. flags.rollouts.json.\n'
  }
  return rollouts.map((rollout) => formatRollout(rollout, now)).join('\n')
}

function formatRollout(rollout: RolloutStatus, now: number): string {
  const { flag, variant, control, steps, dwell, sample } = rollout
  const ago = formatDuration(Math.max(0, now - Date.parse(rollout.stepStartedAt)))
  const lines = [
    `${flag}: ${headline(rollout)} (since ${rollout.stepStartedAt}, ${ago} ago)`,
    `  why: ${rollout.reason}`,
    `  plan: "${variant}" against control "${control}", steps ${steps.map((step) => `${step}%`).join(' → ')}; each step needs ${formatDuration(dwell.requiredMs)} and ${sample.required} exposures per arm`,
    `  numbers since ${rollout.measuredSince}:`,
    ...formatArms(rollout),
    '  guards:',
    ...rollout.guards.map((guard) => `    ${guard.status.padEnd(8)}  ${describeGuard(guard)}`),
  ]
  return `${lines.join('\n')}\n`
}

function headline({ state, step, steps, percent, variant, control }: RolloutStatus): string {
  switch (state) {
    case 'advancing':
      return `advancing, step ${step} of ${steps.length}: ${percent}% get "${variant}"`
    case 'holding':
      return `holding at step ${step} of ${steps.length}: ${percent}% get "${variant}"`
    case 'rolled-back':
      return `rolled back, everyone gets "${control}"`
    case 'complete':
      return `complete, everyone gets "${variant}"`
  }
}

function formatArms({ arms }: RolloutStatus): string[] {
  const events = Object.keys(arms[0].conversions)
  const head = ['arm', 'variant', 'exposed', 'errors', 'rate', ...events.map((key) => `"${key}"`)]
  const rows = arms.map((arm, index) => [
    index === 0 ? 'treatment' : 'control',
    arm.variant,
    String(arm.exposures),
    String(arm.errors.users),
    rate(arm.errors.rate),
    ...events.map((key) => {
      const conversion = arm.conversions[key]
      return conversion ? `${conversion.conversions} (${rate(conversion.rate)})` : '-'
    }),
  ])
  const table = [head, ...rows]
  const widths = head.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0)))
  // Names on the left, counts and rates on the right.
  return table.map((row) => {
    const cells = row.map((cell, column) =>
      column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
    )
    return `    ${cells.join('  ').trimEnd()}`
  })
}

function rate(value: number | null): string {
  return value === null ? '-' : `${(value * 100).toFixed(1)}%`
}
