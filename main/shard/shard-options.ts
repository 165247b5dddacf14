/**
 * The Shard's types: what it reports about itself (ShardView), how a step ended, and what it is
 * built with (its scheduler, its listeners, where it may read model files).
 */
import type { ConfigSummary } from '../../shared/contract/dto/config-summary'
import type { ObserverFrame } from '../../shared/contract/dto/observer'
import type { ShardState, Speed, TickHistogram } from '../../shared/contract/dto/shard-status'
import type { LastSnapshot } from '../../shared/contract/dto/snapshots'
import type { WorldSummary } from '../../shared/contract/dto/world-summary'
import type { ShardConfig } from '../config/shard-config-schema'
import type { Workspace } from '../fs/workspace'
import type { SimEvent, World } from '../sim/state/world'
import type { Scheduler } from './scheduler'

/** What the shard reports about itself; the host adds its own fields to make a ShardStatus. */
export interface ShardView {
  state: ShardState
  tick: number
  speed: Speed
  measured_tps: number
  config: ConfigSummary
  world: WorldSummary
  /** The step under way: ticks done of the total asked for; null when none is. */
  stepping: { done: number; total: number } | null
  /** The latest snapshot saved, autosaved, migrated or loaded (identity and RNG fingerprints). */
  last_snapshot: LastSnapshot | null
  tick_histogram: TickHistogram | null
}

/**
 * Longest stretch of step work between yields. Pause, Start, another Step or a config load take
 * effect at the next yield, so this bounds how long they wait, at any town size (one tick is the
 * smallest unit of work: a tick that alone takes longer is the only thing that can stretch it).
 */
export const STEP_CHUNK_MS = 10

/** How a step ended: the ticks asked for and the ticks run (fewer when it was cut short). */
export interface StepOutcome {
  view: ShardView
  requested: number
  done: number
}

export interface ShardOptions {
  scheduler: Scheduler
  /** Called on every state change and, while running, at most once per `frameIntervalMs`. */
  onFrame?: (view: ShardView) => void
  frameIntervalMs?: number
  /** Called with every tick's events. */
  onEvents?: (events: SimEvent[]) => void
  /** Ticks of inputs the input log keeps in memory (default DEFAULT_LOG_LIMIT: a long run must not grow without bound). */
  logLimit?: number
  /**
   * Called with observer frames (full after a load, then diffs): on every state change and, while
   * running, about once per `observerIntervalMs` on average (default 33: about 30 a second).
   */
  onObserver?: (frame: ObserverFrame) => void
  observerIntervalMs?: number
  /**
   * Send the next observer frame only once the receiver has taken the last (`observerAcked`): the
   * worker sets it, so a host busy with a big town is never sent frames faster than it reads them
   * and nothing it must answer (a Pause) queues behind a backlog. A frame skipped this way is not
   * lost: the next diff covers everything since the last one sent.
   */
  observerCredit?: boolean
  /**
   * Where model files (a config's policy.model, policy_swap) may come from, and the folder
   * relative ones resolve from. Without it the shard reads no model file at all.
   */
  files?: ShardFiles
  /** Log lines for the operator (a refused snapshot load, a migration, a failed autosave). */
  onLog?: (level: 'info' | 'warn' | 'error', message: string) => void
  /** A snapshot file appeared without a request (an autosave): lists are stale. */
  onSnapshotStored?: (name: string, reason: 'autosaved') => void
  /**
   * Record the session timeline (keyframes and the input log, so clients can look at the past
   * and fork from it): the app's worker does; a `townlet run`, which never looks back, does not
   * pay for it.
   */
  timeline?: boolean
  /** Start from this restored world (a snapshot, see main/snapshots/load-snapshot.ts) instead of a fresh town. */
  resume?: { world: World; lastEvents?: readonly SimEvent[] }
}

/** Ticks of inputs a shard's input log keeps unless told otherwise. */
export const DEFAULT_LOG_LIMIT = 10_000

export interface ShardFiles {
  workspace: Workspace
  /** The folder relative model paths resolve from (the host's working folder). */
  base: string
}

/** The config's real-time cadence as a speed: 250 ms a tick is 4 ticks per second. */
export function defaultSpeed(config: ShardConfig): number {
  return 1000 / config.runtime.tick_ms
}

/** A measured tick rate as views show it: one decimal. */
export function roundRate(value: number): number {
  return Math.round(value * 10) / 10
}
