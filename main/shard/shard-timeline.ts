/**
 * The session timeline in the running shard: one SessionTimeline per live world (a new one on a
 * config load and a snapshot load; a fork or a reopen carries the same one on), the marks only
 * the shard sees (stability alerts, snapshots saved or loaded), and forks and reopens adopted
 * whole: the shard is paused first, the timeline rebuilds the town at the tick (through the
 * model that decided it), the shard builds its own simulation around that world (its observer
 * and a fresh telemetry hub, a fresh console router), and only then swaps it in. A refusal on the
 * way leaves the shard as it was (a running clock starts again).
 */
import type { LastSnapshot } from '../../shared/contract/dto/snapshots'
import type { Alert } from '../../shared/contract/dto/society'
import type { TimelineFrame, TimelineStatus } from '../../shared/contract/dto/timeline'
import { err, ok, type Result } from '../../shared/result'
import type { LoadedConfig } from '../config/load-config'
import type { OnnxPolicy } from '../policy/runtime/onnx-policy'
import type { SimEvent, World } from '../sim/state/world'
import type { ShardFiles } from './shard-options'
import { loadModelFile } from './shard-model'
import type { Simulation } from './simulation'
import { SessionTimeline, type ResumeOptions, type TimelineResume } from './timeline/session-timeline'
import { timelineOptionsOf } from './timeline/timeline-config'

/** What the timeline needs of the shard (Shard provides it). */
export interface TimelinePort {
  simulation(): Simulation
  loaded(): LoadedConfig
  readonly files: ShardFiles | undefined
  /** The input log limit of the shard's simulations. */
  readonly logLimit: number
  /** Stop the clock and any step; resolves once no tick is in flight, saying whether the clock ran. */
  halt(): Promise<boolean>
  /** Start the clock again (after a refused fork of a running shard). */
  run(): void
  /** A simulation around `resume`'s world, wired to the shard (observer, a fresh telemetry hub) but not live. */
  candidate(loaded: LoadedConfig, resume: { world: World; lastEvents: readonly SimEvent[] }): { sim: Simulation }
  /** Make `sim` the live simulation, paused; `reason` goes to console commands still waiting for the old one's ticks. */
  adopt(sim: Simulation, reason: string): void
  /** The live town's active stability alerts (telemetry), if any were computed yet. */
  alerts(): readonly Alert[] | undefined
}

/** Models that decided a tick of this session, by sha256, so a fork can load the one it replays through. */
const MAX_KNOWN_MODELS = 16

export class ShardTimeline {
  /** None when the shard keeps no timeline (see ShardOptions.timeline). */
  private timeline: SessionTimeline | undefined
  private unwatch: () => void = () => undefined
  private readonly models = new Map<string, string>()
  private seenAlerts = new Set<string>()
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly port: TimelinePort,
    private readonly enabled: boolean
  ) {
    this.restart()
  }

  /** A new world went live (a config load, a snapshot load): its timeline starts afresh. */
  restart(): void {
    this.timeline?.dispose()
    if (!this.enabled) return
    const loaded = this.port.loaded()
    this.timeline = new SessionTimeline(this.port.simulation(), loaded, timelineOptionsOf(loaded.config))
    this.watch(this.port.simulation())
  }

  status(): Result<TimelineStatus> {
    return this.timeline ? ok(this.timeline.status()) : off()
  }

  /** The town at `tick`, rebuilt read-only; the live town runs on. */
  frame(tick: number): Result<TimelineFrame> {
    return this.timeline ? this.timeline.frame(tick) : off()
  }

  /** A bookmark at `tick` of the current branch; answered with the timeline's status after it. */
  bookmark(tick: number, label: string): Result<TimelineStatus> {
    if (!this.timeline) return off()
    const marked = this.timeline.bookmark(tick, label)
    return marked.ok ? ok(this.timeline.status()) : marked
  }

  /** A snapshot saved, autosaved or loaded is a mark on the scrubber (a migration writes another town's file). */
  noteSnapshot(last: LastSnapshot | null): void {
    if (last && last.action !== 'migrated') this.timeline?.mark('snapshot', last.tick, `${last.action} ${last.name}`)
  }

  /** Resume from `tick` of the current branch as a fork; the live run is kept as a parked branch. */
  fork(tick: number): Promise<Result<void>> {
    return this.serial(async () => {
      if (!this.timeline) return off()
      const timeline = this.timeline
      // Refused before the clock is touched: an unreachable tick never pauses the town.
      const reach = timeline.status()
      if (!Number.isSafeInteger(tick) || tick < reach.earliest_tick || tick > reach.live_tick) {
        return err('timeline.unreachable', `tick ${String(tick).slice(0, 20)} is outside the reachable ticks ${reach.earliest_tick}…${reach.live_tick}`)
      }
      return this.resume(timeline, (options) => timeline.fork(tick, undefined, options), `the town was forked at tick ${tick}`)
    })
  }

  /** Switch back to a parked branch, exactly where it was left; the current one is parked. */
  reopen(branch: string): Promise<Result<void>> {
    return this.serial(async () => {
      if (!this.timeline) return off()
      const timeline = this.timeline
      const known = timeline.status().branches.find((b) => b.id === branch)
      if (!known || known.current) return err('timeline.unknown_branch', known ? 'that branch is the one running now' : 'no such branch (it may have been dropped to stay within the byte budget)')
      return this.resume(timeline, (options) => timeline.reopen(branch, options), `the timeline switched to branch ${branch}`)
    })
  }

  private async resume(timeline: SessionTimeline, rebuild: (options: ResumeOptions) => Promise<Result<TimelineResume>>, reason: string): Promise<Result<void>> {
    const loaded = this.port.loaded()
    const wasRunning = await this.port.halt()
    const fresh: OnnxPolicy[] = []
    const resumed = await rebuild({ logLimit: this.port.logLimit, prepare: (sim, hash) => this.prepare(sim, hash, fresh) })
    const refused = <T>(r: Result<T>): Result<never> => {
      for (const model of fresh) if (model !== this.port.simulation().policy.model) void model.release().catch(() => undefined)
      if (wasRunning) this.port.run()
      return r as Result<never>
    }
    if (!resumed.ok) return refused(resumed)
    const r = resumed.value
    // A config or snapshot loaded meanwhile started another timeline: this rebuild was for the town that went away.
    if (this.timeline !== timeline || this.port.loaded() !== loaded) {
      r.simulation.dispose()
      return refused(err('timeline.busy', 'a config or snapshot was loaded while the branch was rebuilt: the new town runs on'))
    }
    const { sim } = this.port.candidate(loaded, { world: r.world, lastEvents: r.lastEvents })
    const model = r.simulation.policy.model
    if (model) sim.policy.use(model)
    const restored = sim.policy.restore(r.policy, 'policy')
    const pending = restored.ok ? sim.restorePending(r.pendingOps) : restored
    const attached = pending.ok ? timeline.attach(sim) : pending
    r.simulation.dispose()
    if (!attached.ok) {
      // The timeline moved to a town the shard cannot take (a bug): start it afresh on the live town, untouched.
      this.restart()
      return refused(err('internal.error', `the rebuilt town could not be adopted (${attached.error.code}: ${attached.error.message}); the running town is unchanged and its timeline starts afresh`))
    }
    // The shard releases the old town's model session, unless the new one carries it on.
    this.port.adopt(sim, reason)
    this.watch(sim)
    return ok(undefined)
  }

  /** Load the model that decided the replayed ticks into `sim` (the live one's session when it is the same model). */
  private async prepare(sim: Simulation, hash: string | null, fresh: OnnxPolicy[]): Promise<Result<void>> {
    if (hash === null) return ok(undefined)
    const live = this.port.simulation().policy.model
    if (live?.sha256 === hash) {
      sim.policy.use(live)
      return ok(undefined)
    }
    const path = this.models.get(hash)
    if (path === undefined) return err('policy.model_not_found', `the model that decided those ticks (sha256 ${hash.slice(0, 12)}…) is no longer known to this shard: swap it in with policy_swap, then try again`)
    const model = await loadModelFile(sim, path, this.port.files, this.port.loaded().config.policy.provider)
    if (!model.ok) return model
    if (!model.value) return err('policy.model_not_found', 'the model that decided those ticks is no longer available')
    fresh.push(model.value)
    if (model.value.sha256 !== hash) return err('timeline.diverged', `the model file that decided those ticks has changed since (its sha256 was ${hash.slice(0, 12)}…): the past cannot be replayed through it`)
    sim.policy.use(model.value)
    return ok(undefined)
  }

  /** After each live tick: the models that decided it and the alerts it raised (after the telemetry and the timeline heard it). */
  private watch(sim: Simulation): void {
    this.unwatch()
    this.seenAlerts = new Set()
    this.unwatch = sim.onTick(() => {
      const model = sim.policy.model
      if (model && !this.models.has(model.sha256)) {
        this.models.set(model.sha256, model.path)
        if (this.models.size > MAX_KNOWN_MODELS) this.models.delete(this.models.keys().next().value!)
      }
      const alerts = this.port.alerts() ?? []
      const seen = new Set<string>()
      for (const alert of alerts) {
        const key = `${alert.name}@${alert.tick}`
        seen.add(key)
        if (!this.seenAlerts.has(key)) this.timeline?.mark('alert', alert.tick, `${alert.severity} ${alert.name}: ${alert.message}`)
      }
      this.seenAlerts = seen
    })
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run)
    this.queue = next.catch(() => undefined)
    return next
  }
}

function off(): Result<never> {
  return err('timeline.unreachable', 'this shard keeps no timeline (a townlet run never looks back): scrub the past in the app')
}
