/**
 * Hands the session to components. Hooks select from one store each, so a panel re-renders only
 * when the slice it reads changes.
 */
import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import { useSampled } from '../components/use-sampled'
import type { AppInfoStore } from '../stores/app-info-store'
import type { ConfigStore } from '../stores/config-store'
import type { ConnectionStore } from '../stores/connection-store'
import type { ConsoleStore } from '../stores/console-store'
import type { FailureStore } from '../stores/failure-store'
import type { HoverStore } from '../stores/hover-store'
import type { LogStore } from '../stores/log-store'
import type { ObserverStore } from '../stores/observer-store'
import type { PolicyStore } from '../stores/policy-store'
import type { ShardStore } from '../stores/shard-store'
import type { SnapshotStore } from '../stores/snapshot-store'
import type { Stores } from '../stores/stores'
import type { TimelineStore } from '../stores/timeline-store'
import type { UiStore } from '../stores/ui-store'
import type { TelemetryStore } from '../stores/telemetry-store'
import type { Commands } from './commands'
import type { Session } from './session-type'

const SessionContext = createContext<Session | null>(null)

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}

function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('SessionProvider is missing above this component')
  return session
}

export function useCommands(): Commands {
  return useSession().commands
}

/** The stores themselves, for code that subscribes imperatively (the map canvas draws outside React). */
export function useStores(): Stores {
  return useSession().stores
}

/* One hook per store, each with a selector, typed by its store. */
export const useShard = <T,>(select: (s: ShardStore) => T): T => useStore(useSession().stores.shard, select)
export const useConfig = <T,>(select: (s: ConfigStore) => T): T => useStore(useSession().stores.config, select)
export const useConnection = <T,>(select: (s: ConnectionStore) => T): T =>
  useStore(useSession().stores.connection, select)
export const useAppInfo = <T,>(select: (s: AppInfoStore) => T): T => useStore(useSession().stores.appInfo, select)
export const useFailures = <T,>(select: (s: FailureStore) => T): T => useStore(useSession().stores.failures, select)
export const useLogs = <T,>(select: (s: LogStore) => T): T => useStore(useSession().stores.logs, select)
/** The town the panels draw: live, or the past tick this page views (stores/observer-view.ts). */
export const useObserver = <T,>(select: (s: ObserverStore) => T): T => useStore(useSession().stores.observerView, select)
export const useConsole = <T,>(select: (s: ConsoleStore) => T): T => useStore(useSession().stores.console, select)
export const usePolicy = <T,>(select: (s: PolicyStore) => T): T => useStore(useSession().stores.policy, select)
export const useUi = <T,>(select: (s: UiStore) => T): T => useStore(useSession().stores.ui, select)
export const useTelemetry = <T,>(select: (s: TelemetryStore) => T): T => useStore(useSession().stores.telemetry, select)
export const useTimeline = <T,>(select: (s: TimelineStore) => T): T => useStore(useSession().stores.timeline, select)
export const useHover = <T,>(select: (s: HoverStore) => T): T => useStore(useSession().stores.hover, select)
export const useSnapshots = <T,>(select: (s: SnapshotStore) => T): T => useStore(useSession().stores.snapshots, select)

/** An observer slice re-read at most every `ms` (see useSampled): for views of the whole town. */
export const useObserverSampled = <T,>(select: (s: ObserverStore) => T, ms: number): T => useSampled(useSession().stores.observerView, select, ms)
