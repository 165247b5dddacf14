/** One bundle of the per-domain stores, created once per app (and once per test). */
import { createAppInfoStore } from './app-info-store'
import { createConfigStore } from './config-store'
import { createConnectionStore } from './connection-store'
import { createConsoleStore } from './console-store'
import { createFailureStore } from './failure-store'
import { createLogStore } from './log-store'
import { createObserverStore } from './observer-store'
import { createPolicyStore } from './policy-store'
import { createShardStore } from './shard-store'
import { createUiStore } from './ui-store'

export function createStores() {
  return {
    shard: createShardStore(),
    config: createConfigStore(),
    connection: createConnectionStore(),
    appInfo: createAppInfoStore(),
    failures: createFailureStore(),
    logs: createLogStore(),
    observer: createObserverStore(),
    console: createConsoleStore(),
    policy: createPolicyStore(),
    ui: createUiStore()
  }
}

export type Stores = ReturnType<typeof createStores>
