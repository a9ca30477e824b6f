import { FlagClientError } from 'vexil/core'
import type { FlagClientState, FlagMap, FlagStatus } from 'vexil/core'
import { noFlags } from './serveFlags'

/** The state a client in `status` shows, given the service's answer `served`. */
export function showStatus(
  state: FlagClientState,
  served: FlagMap,
  status: FlagStatus,
  error: FlagClientError | undefined,
): FlagClientState {
  if (status === 'loading') {
    return { ...state, status, error: undefined, flags: noFlags, syncedAt: undefined }
  }
  // A failure before any answer leaves nothing to serve, as with the real client.
  const answered =
    status !== 'error' || state.syncedAt !== undefined || Object.keys(served).length > 0
  return {
    ...state,
    status,
    error: status === 'error' ? (error ?? serviceUnavailable()) : undefined,
    flags: served,
    syncedAt: answered ? (state.syncedAt ?? Date.now()) : undefined,
    evaluatedContext: answered ? state.context : undefined,
  }
}

function serviceUnavailable(): FlagClientError {
  return new FlagClientError('server', 'The flag service answered 503 Service Unavailable.', {
    status: 503,
  })
}
