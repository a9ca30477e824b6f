import type { IncomingMessage } from 'node:http'
import type { JsonLinesFile } from './jsonLinesFile'
import type { EventCollector } from './createEventCollector'
import type { EventStreamHub } from './createEventStreamHub'
import type { FlagStore } from './createFlagStore'
import type { ResolvedDevServerOptions } from './DevServerOptions'
import type { RolloutEngine } from './rollout/createRolloutEngine'
import type { FlagHistory } from './stale/createFlagHistory'

/** Everything a route handler may use. */
export interface DevServerContext {
  options: ResolvedDevServerOptions
  store: FlagStore
  streams: EventStreamHub
  auditLog: JsonLinesFile
  collector: EventCollector
  history: FlagHistory
  rollouts: RolloutEngine
  /** This server's origin as the client reached it, e.g. `http://127.0.0.1:8787`. */
  originOf(request: IncomingMessage): string
}
