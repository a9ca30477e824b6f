import type { FlagClient } from 'vexil/core'

const holders = new WeakMap<FlagClient, number>()

/**
 * Starts `client` for its first holder and closes it when the last one lets go. The close waits a
 * microtask, so StrictMode's unmount-and-remount of effects neither closes nor refetches.
 */
export function retainClient(client: FlagClient): () => void {
  holders.set(client, (holders.get(client) ?? 0) + 1)
  void client.start()
  return () => {
    holders.set(client, (holders.get(client) ?? 1) - 1)
    queueMicrotask(() => {
      if (holders.get(client) === 0) client.close()
    })
  }
}
