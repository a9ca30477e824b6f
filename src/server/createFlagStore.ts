import type { FeatureFlag } from '@openfeature/flagd-core'
import { hashText } from './hashText'
import type { FlagDefinitionFile, FlagState } from './flagDefinition'
import { loadTrustedFlagdStorage } from './loadFlagdStorage'
import type { FlagdStorage } from './loadFlagdStorage'
import type { ParsedFlagFile } from './parseFlagFile'
import { applyRolloutSplit } from './rollout/applyRolloutSplit'
import type { RolloutSplit } from './rollout/RolloutPlan'

/** What an admin change can set; the flag file itself is never written. */
export interface FlagChange {
  state?: FlagState
  defaultVariant?: string
}

export interface FlagSnapshot {
  state: FlagState
  defaultVariant: string | null
}

export interface FlagStore {
  /** The flags as served: the file with admin changes applied. */
  flags(): ReadonlyMap<string, FeatureFlag>
  flag(key: string): FeatureFlag | undefined
  /** The served flags as flagd definitions (`$ref`s unresolved): what `flags()` evaluates. */
  servedFile(): FlagDefinitionFile
  /** The flag file as last read, without admin changes or rollouts. */
  file(): FlagDefinitionFile
  /** Changes whenever a served flag changes; sent in SSE `refetchEvaluation` events. */
  configEtag(): string
  /** Unix seconds of the last change. */
  lastModified(): number
  /** Serves a new version of the file. Admin changes to flags the edit touched are dropped. */
  replaceFile(parsed: ParsedFlagFile): { changed: string[]; droppedChanges: string[] }
  changeFlag(key: string, change: FlagChange): { before: FlagSnapshot; after: FlagSnapshot }
  /**
   * Serves a guarded rollout's split of the flag (its targeting becomes the split), or with
   * `undefined` the file's targeting again. Lasts across edits of the file.
   */
  setRollout(key: string, split: RolloutSplit | undefined): string[]
  subscribe(listener: (changed: string[]) => void): () => void
}

interface AppliedChange extends FlagChange {
  /** The file's definition of the flag when the change was made. */
  fileDefinition: string
}

export function createFlagStore(initial: ParsedFlagFile, now = () => Date.now()): FlagStore {
  let file = initial.file
  let storage: FlagdStorage = initial.storage
  let served = initial.file
  let etag = `"${hashText(JSON.stringify(file))}"`
  let modified = Math.floor(now() / 1000)
  const applied = new Map<string, AppliedChange>()
  const rollouts = new Map<string, RolloutSplit>()
  const listeners = new Set<(changed: string[]) => void>()

  function serve(next: FlagdStorage, effective: FlagDefinitionFile): string[] {
    const changed = changedKeys(storage.getFlags(), next.getFlags())
    storage = next
    served = effective
    if (changed.length === 0) return changed
    etag = `"${hashText(JSON.stringify(effective))}"`
    modified = Math.floor(now() / 1000)
    for (const listener of [...listeners]) listener(changed)
    return changed
  }

  function rebuild(parsed?: ParsedFlagFile): string[] {
    if (applied.size === 0 && rollouts.size === 0 && parsed) {
      return serve(parsed.storage, parsed.file)
    }
    const effective = applyChanges(file, applied, rollouts)
    return serve(loadTrustedFlagdStorage(effective), effective)
  }

  return {
    flags: () => storage.getFlags(),
    flag: (key) => storage.getFlag(key),
    servedFile: () => served,
    file: () => file,
    configEtag: () => etag,
    lastModified: () => modified,
    replaceFile(parsed) {
      const droppedChanges: string[] = []
      for (const [key, change] of applied) {
        const definition = parsed.file.flags[key]
        if (definition === undefined || JSON.stringify(definition) !== change.fileDefinition) {
          applied.delete(key)
          droppedChanges.push(key)
        }
      }
      file = parsed.file
      return { changed: rebuild(parsed), droppedChanges }
    },
    changeFlag(key, change) {
      const flag = storage.getFlag(key)
      const definition = file.flags[key]
      if (!flag || !definition) throw new Error(`[vexil] there is no flag "${key}".`)
      if (change.defaultVariant !== undefined && !flag.variants.has(change.defaultVariant)) {
        throw new Error(`[vexil] flag "${key}" has no variant "${change.defaultVariant}".`)
      }
      const before = snapshot(flag)
      const previous = applied.get(key)
      applied.set(key, {
        ...previous,
        ...change,
        fileDefinition: previous?.fileDefinition ?? JSON.stringify(definition),
      })
      rebuild()
      return { before, after: snapshot(storage.getFlag(key) ?? flag) }
    },
    setRollout(key, split) {
      if (split) rollouts.set(key, split)
      else if (!rollouts.delete(key)) return []
      return rebuild()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export function snapshot(flag: FeatureFlag): FlagSnapshot {
  return { state: flag.state as FlagState, defaultVariant: flag.defaultVariant ?? null }
}

function applyChanges(
  file: FlagDefinitionFile,
  applied: ReadonlyMap<string, AppliedChange>,
  rollouts: ReadonlyMap<string, RolloutSplit>,
): FlagDefinitionFile {
  const flags = { ...file.flags }
  for (const [key, change] of applied) {
    const definition = flags[key]
    if (!definition) continue
    flags[key] = {
      ...definition,
      ...(change.state && { state: change.state }),
      ...(change.defaultVariant !== undefined && { defaultVariant: change.defaultVariant }),
    }
  }
  for (const [key, split] of rollouts) {
    const definition = flags[key]
    if (definition) flags[key] = applyRolloutSplit(definition, split, file.$evaluators ?? {})
  }
  return { ...file, flags }
}

function changedKeys(
  before: ReadonlyMap<string, FeatureFlag>,
  after: ReadonlyMap<string, FeatureFlag>,
): string[] {
  const changed = [...after].filter(([key, flag]) => before.get(key)?.hash !== flag.hash)
  const removed = [...before.keys()].filter((key) => !after.has(key))
  return [...changed.map(([key]) => key), ...removed]
}
