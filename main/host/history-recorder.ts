/**
 * The host's recent history for clients that join late (`session.history`): the latest frame,
 * the log lines it broadcast, the measured tick rate, the town's mean needs and the KPI windows.
 * Each is a bounded ring, so a long run costs the host no more than a short one.
 *
 * The samples follow the same rules as a client's own charts, so a seeded chart and a live one
 * look alike: at most one tick-rate or needs sample per half second (the newest is an open bucket,
 * replaced until the next is due); needs and KPIs belong to one world, and another config or a
 * tick lower than the newest sample's (a restart) starts them afresh.
 */
import type { LogEntry } from '../../shared/contract/dto/events'
import type { Frame } from '../../shared/contract/dto/frame'
import { HISTORY_LIMITS, SESSION_HISTORY_SCHEMA_VERSION } from '../../shared/contract/dto/session-history'
import type { NeedsSample, SessionHistory, TpsSample } from '../../shared/contract/dto/session-history'
import type { Kpis } from '../../shared/contract/dto/society'
import type { EventBus } from './event-bus'
import { RingBuffer } from './ring-buffer'

export interface HistoryRecorderOptions {
  /** The host's clock; injectable for tests. */
  clock?: () => number
  /** Tick-rate and needs samples closer than this collapse into one (latest wins). */
  minIntervalMs?: number
  /** Tick-rate samples older than this (before the newest) are dropped: the chart shows a minute. */
  tpsWindowMs?: number
}

export class HistoryRecorder {
  private frame: Frame | null = null
  private readonly log = new RingBuffer<LogEntry>(HISTORY_LIMITS.log)
  private readonly tps = new RingBuffer<TpsSample>(HISTORY_LIMITS.tps)
  private readonly needs = new RingBuffer<NeedsSample>(HISTORY_LIMITS.needs)
  private readonly kpis = new RingBuffer<Kpis>(HISTORY_LIMITS.kpis)
  /** A config was loaded: the next KPI window is the new world's first. */
  private kpisEnded = false
  private readonly clock: () => number
  private readonly minIntervalMs: number
  private readonly tpsWindowMs: number

  constructor(options: HistoryRecorderOptions = {}) {
    this.clock = options.clock ?? Date.now
    this.minIntervalMs = options.minIntervalMs ?? 500
    this.tpsWindowMs = options.tpsWindowMs ?? 60_000
  }

  /** Record what the host broadcasts; returns the function that stops it. */
  attach(events: EventBus): () => void {
    return events.subscribe((name, payload) => {
      // The bus has validated each payload against the contract before it reaches us.
      if (name === 'log.entry') this.recordLog(payload as LogEntry)
      else if (name === 'shard.frame') this.recordFrame(payload as Frame)
      else if (name === 'config.loaded') this.kpisEnded = true
    })
  }

  recordLog(entry: LogEntry): void {
    this.log.push(entry)
  }

  recordFrame(frame: Frame): void {
    if (this.frame && frame.frame_seq <= this.frame.frame_seq) return
    this.frame = frame
    const at = this.clock()
    this.recordTps({ at, tick: frame.status.tick, tps: frame.status.measured_tps })
    // Means over no agents are not needs (the summary reports 0).
    if (frame.world.agents > 0) {
      const { hunger, hygiene, energy } = frame.world.needs
      this.recordNeeds({ at, tick: frame.status.tick, day: frame.world.day, clock: frame.world.clock, config: frame.status.config.sha256, hunger, hygiene, energy })
    }
  }

  /** The KPIs an observer frame carried (null before the first window closed). */
  recordKpis(kpis: Kpis | null): void {
    if (kpis === null) return
    const last = this.kpis.last()
    if (this.kpisEnded || (last !== undefined && kpis.tick < last.tick)) this.kpis.clear()
    else if (last !== undefined && kpis.tick === last.tick) return
    this.kpisEnded = false
    this.kpis.push(kpis)
  }

  snapshot(): SessionHistory {
    const now = this.clock()
    const cutoff = (this.tps.last()?.at ?? now) - this.tpsWindowMs
    return {
      schema_version: SESSION_HISTORY_SCHEMA_VERSION,
      now,
      frame: this.frame,
      log: this.log.toArray(),
      tps: this.tps.toArray().filter((s) => s.at >= cutoff),
      needs: this.needs.toArray(),
      kpis: this.kpis.toArray()
    }
  }

  private recordTps(sample: TpsSample): void {
    // The wall clock jumped back: what was recorded "later" cannot be charted before it.
    if ((this.tps.last()?.at ?? -Infinity) > sample.at) this.tps.clear()
    const anchor = this.tps.beforeLast()
    if (anchor !== undefined && sample.at - anchor.at < this.minIntervalMs) this.tps.replaceLast(sample)
    else this.tps.push(sample)
  }

  private recordNeeds(sample: NeedsSample): void {
    const last = this.needs.last()
    if (last !== undefined && (sample.tick < last.tick || sample.config !== last.config || sample.at < last.at)) this.needs.clear()
    const newest = this.needs.last()
    const anchor = this.needs.beforeLast()
    // A frame for the tick already sampled (a paused shard) replaces it instead of adding a flat run.
    const open = newest !== undefined && (newest.tick === sample.tick || (anchor !== undefined && sample.at - anchor.at < this.minIntervalMs))
    if (open) this.needs.replaceLast(sample)
    else this.needs.push(sample)
  }
}
