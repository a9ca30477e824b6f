import type { PropagationResults } from './propagation/measurePropagation'
import type { RenderResults } from './render/runRenderBench'
import type { SizeResults } from './size/measureSizes'
import type { ThroughputResults } from './throughput/measureThroughput'

/** A section's figures, or why it could not be measured. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string; skipped?: true }

export interface BenchResults {
  size: Outcome<SizeResults>
  render: Outcome<RenderResults>
  propagation: Outcome<PropagationResults>
  throughput: Outcome<ThroughputResults>
}

/** Runs a section, unless `--only` left it out; a failure is reported, not thrown. */
export async function attempt<T>(
  section: string,
  only: string[] | undefined,
  run: () => Promise<T>,
): Promise<Outcome<T>> {
  if (only && !only.includes(section)) {
    return { ok: false, error: `left out by --only=${only.join(',')}`, skipped: true }
  }
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, error: message.split('\n')[0]! }
  }
}
