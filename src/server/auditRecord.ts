import type { FlagSnapshot } from './createFlagStore'

/** One line of the audit log: who changed which flag, when, from what, to what. */
export interface AuditRecord {
  actor: string
  /** ISO 8601. */
  time: string
  flag: string
  before: FlagSnapshot
  after: FlagSnapshot
}
