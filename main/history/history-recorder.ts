/**
 * Records one run into a RunHistory while it ticks: every `windowTicks` ticks the telemetry hub's
 * KPI window and its active alerts, and every agent's life (an episode) when it ends with
 * `agent_exit` or `agent_killed` — and, at the end, the lives still under way. Rows wait in a
 * buffer and go to SQLite in one transaction per batch, so a tick costs a few array pushes. A
 * failed write never stops the run: recording stops, and `finish` reports why.
 *
 * It follows the simulation the source has when it starts (the CLI's run never swaps it).
 */
import type { HistoryEpisode, HistoryRunStatus, HistoryWindow } from '../../shared/contract/dto/history'
import type { PolicyIdentity } from '../../shared/contract/dto/policy'
import type { Alert, Kpis } from '../../shared/contract/dto/society'
import type { AppError, Result } from '../../shared/result'
import { err, ok } from '../../shared/result'
import type { SimEvent, SimEventOf, World } from '../sim/state/world'
import { episodeSnapshot } from './episode-snapshot'
import type { RunHistory } from './run-history'

/** What the recorder needs of a shard (the CLI adapts a Shard to it). */
export interface HistorySource {
  world(): World
  /** Called after every tick, once the telemetry hub has digested it; returns the unsubscribe. */
  onTick(listener: (events: readonly SimEvent[]) => void): () => void
  /** The hub's latest KPI window and active alerts (undefined before the first tick). */
  telemetry(): { kpis: Kpis | null; alerts: Alert[] } | undefined
  identity(): { config_id: string; config_sha256: string; seed: number; policy: PolicyIdentity }
}

export interface RecorderOptions {
  windowTicks: number
  /** Rows buffered before a write (default 256). */
  batchRows?: number
  now: () => number
}

export interface RecordedRun {
  run_id: number
  windows: number
  episodes: number
}

export class HistoryRecorder {
  private readonly runId: number
  private readonly startTick: number
  private readonly unsubscribe: () => void
  /** Tick each slot was first seen (slots are never reused); -1 once its episode is recorded. */
  private readonly born: number[] = []
  private lastWindowEnd: number
  private windows: HistoryWindow[] = []
  private episodes: HistoryEpisode[] = []
  private written = { windows: 0, episodes: 0 }
  private failure: AppError | undefined
  private finished = false

  private constructor(
    private readonly store: RunHistory,
    private readonly source: HistorySource,
    private readonly options: RecorderOptions,
    runId: number
  ) {
    this.runId = runId
    const world = source.world()
    this.startTick = world.state.tick
    this.lastWindowEnd = this.startTick
    this.noteArrivals(world, this.startTick)
    this.unsubscribe = source.onTick((events) => this.onTick(events))
  }

  /** A new run row in `store` and a recorder subscribed to `source`'s ticks. */
  static start(store: RunHistory, source: HistorySource, options: RecorderOptions): Result<HistoryRecorder> {
    const world = source.world()
    const id = source.identity()
    const run = store.beginRun({ started_ms: options.now(), ...id, agents: world.state.agents.count, start_tick: world.state.tick })
    if (!run.ok) return run
    return ok(new HistoryRecorder(store, source, options, run.value))
  }

  get id(): number {
    return this.runId
  }

  private onTick(events: readonly SimEvent[]): void {
    if (this.failure) return
    const world = this.source.world()
    const tick = world.state.tick
    for (const e of events) if (e.type === 'agent_exit' || e.type === 'agent_killed') this.noteExit(world, e)
    // Arrivals after exits: a replacement this tick gets a new slot and starts its own life.
    this.noteArrivals(world, tick)
    if (tick - this.lastWindowEnd >= this.options.windowTicks) this.closeWindow(tick)
    if (this.windows.length + this.episodes.length >= (this.options.batchRows ?? 256)) this.flush()
  }

  private noteArrivals(world: World, tick: number): void {
    const { count } = world.state.agents
    const alive = world.state.agents.cols.alive
    for (let slot = this.born.length; slot < count; slot++) this.born.push(alive[slot] === 1 ? tick : -1)
  }

  private noteExit(world: World, e: SimEventOf<'agent_exit'> | SimEventOf<'agent_killed'>): void {
    const ids = world.state.agents.ids
    // The newest slot of that id whose life is open and now over (an id may be taken again later).
    for (let slot = Math.min(ids.length, this.born.length) - 1; slot >= 0; slot--) {
      if (ids[slot] !== e.agent_id || this.born[slot]! < 0 || world.state.agents.cols.alive[slot] === 1) continue
      // A console kill names no job: the snapshot reads the slot's own.
      const job = e.type === 'agent_exit' ? e.job_id : undefined
      this.episodes.push({
        agent_id: e.agent_id,
        from_tick: this.born[slot]!,
        to_tick: e.tick,
        cause: e.reason,
        snapshot: episodeSnapshot(world, slot, job)
      })
      this.born[slot] = -1
      return
    }
  }

  private closeWindow(tick: number): void {
    const t = this.source.telemetry()
    this.windows.push({ from_tick: this.lastWindowEnd + 1, to_tick: tick, kpis: t?.kpis ?? null, alerts: t?.alerts ?? [] })
    this.lastWindowEnd = tick
  }

  /** The buffered rows to SQLite now, in one transaction. */
  flush(): void {
    if (this.failure || (this.windows.length === 0 && this.episodes.length === 0)) return
    const written = this.store.addBatch(this.runId, this.windows, this.episodes)
    if (!written.ok) {
      this.failure = written.error
      this.unsubscribe()
    } else {
      this.written.windows += this.windows.length
      this.written.episodes += this.episodes.length
    }
    this.windows = []
    this.episodes = []
  }

  /**
   * The run is over: the last (partial) window, the lives still under way, the run row's status
   * and tick count; the store is left open (its owner closes it). Answers what was recorded, or
   * the write failure that stopped recording.
   */
  finish(status: HistoryRunStatus): Result<RecordedRun> {
    if (this.finished) return err('history.write_failed', 'the run was already finished')
    this.finished = true
    this.unsubscribe()
    const world = this.source.world()
    const tick = world.state.tick
    if (!this.failure) {
      if (tick > this.lastWindowEnd) this.closeWindow(tick)
      for (let slot = 0; slot < this.born.length; slot++) {
        if (this.born[slot]! < 0 || world.state.agents.cols.alive[slot] !== 1) continue
        this.episodes.push({ agent_id: world.state.agents.ids[slot]!, from_tick: this.born[slot]!, to_tick: null, cause: null, snapshot: episodeSnapshot(world, slot) })
      }
      this.flush()
    }
    // The run row says how it ended even when its rows could not all be written.
    const ended = this.store.endRun(this.runId, { status: this.failure ? 'failed' : status, ticks: tick - this.startTick, ended_ms: this.options.now() })
    if (this.failure) return { ok: false, error: this.failure }
    if (!ended.ok) return ended
    return ok({ run_id: this.runId, ...this.written })
  }
}
