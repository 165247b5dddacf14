/** One bundle of the per-domain stores, created once per app (and once per test). */
import { createAppInfoStore } from './app-info-store'
import { createConfigStore } from './config-store'
import { createConnectionStore } from './connection-store'
import { createConsoleStore } from './console-store'
import { createFailureStore } from './failure-store'
import { createHoverStore } from './hover-store'
import { createLogStore } from './log-store'
import { createObserverStore } from './observer-store'
import { createObserverView } from './observer-view'
import { createPolicyStore } from './policy-store'
import { createShardStore } from './shard-store'
import { createSnapshotStore } from './snapshot-store'
import { createTimelineStore } from './timeline-store'
import { createUiStore } from './ui-store'
import { createTelemetryStore } from './telemetry-store'

export function createStores() {
  const observer = createObserverStore()
  const timeline = createTimelineStore()
  return {
    shard: createShardStore(),
    config: createConfigStore(),
    connection: createConnectionStore(),
    appInfo: createAppInfoStore(),
    failures: createFailureStore(),
    logs: createLogStore(),
    /** The live town, as the stream delivers it. */
    observer,
    /** The town the panels draw: the live one, or the past tick this page views (see observer-view). */
    observerView: createObserverView(observer, timeline),
    timeline,
    hover: createHoverStore(),
    snapshots: createSnapshotStore(),
    console: createConsoleStore(),
    policy: createPolicyStore(),
    ui: createUiStore(),
    /** The telemetry transports' status. */
    telemetry: createTelemetryStore()
  }
}

export type Stores = ReturnType<typeof createStores>
