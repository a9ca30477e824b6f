import { useSyncExternalStore } from 'react'
import type { FlagClient, FlagClientState } from 'vexil/core'
import type { EventRecorder, RecordedEvents } from '../createEventRecorder'

export function useClientState(client: FlagClient): FlagClientState {
  return useSyncExternalStore(client.subscribe, client.getState, client.getState)
}

export function useRecordedEvents(recorder: EventRecorder): RecordedEvents {
  return useSyncExternalStore(recorder.subscribe, recorder.getSnapshot, recorder.getSnapshot)
}
