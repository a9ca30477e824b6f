import { warnOnce } from './warnOnce'

export interface Emitter<Events> {
  on<Type extends keyof Events>(type: Type, listener: (payload: Events[Type]) => void): () => void
  emit<Type extends keyof Events>(type: Type, payload: Events[Type]): void
}

/** Typed events whose listeners cannot break the emitter or each other: a throw is reported once. */
export function createEmitter<Events>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(payload: Events[keyof Events]) => void>>()
  return {
    on(type, listener) {
      const set = listeners.get(type) ?? new Set()
      listeners.set(type, set)
      const untyped = listener as (payload: Events[keyof Events]) => void
      set.add(untyped)
      return () => void set.delete(untyped)
    },
    emit(type, payload) {
      listeners
        .get(type)
        ?.forEach((listener) => callSafely(listener, payload, `a '${String(type)}' listener`))
    },
  }
}

/** Runs app code given to vexil; its failure is the app's bug to hear about, not the page's crash. */
export function callSafely<Payload>(
  callback: (payload: Payload) => void,
  payload: Payload,
  name: string,
): void {
  try {
    callback(payload)
  } catch (error) {
    if (process.env.NODE_ENV !== 'production') {
      warnOnce(
        `${name} threw and was skipped: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
}
