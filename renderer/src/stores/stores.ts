/** One bundle of the per-domain stores, created once per app (and once per test). */
import { createAppInfoStore } from './app-info-store'
import { createConfigStore } from './config-store'
import { createConnectionStore } from './connection-store'
import { createFailureStore } from './failure-store'
import { createLogStore } from './log-store'
import { createShardStore } from './shard-store'

export function createStores() {
  return {
    shard: createShardStore(),
    config: createConfigStore(),
    connection: createConnectionStore(),
    appInfo: createAppInfoStore(),
    failures: createFailureStore(),
    logs: createLogStore()
  }
}

export type Stores = ReturnType<typeof createStores>
