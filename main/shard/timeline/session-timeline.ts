/**
 * The session timeline: keyframes every K ticks and the input log between them, recorded from a
 * live Simulation's ticks, let a client look at any reachable tick (rebuilt "latest at": the
 * nearest keyframe at or before it, then replayed tick by tick, so no event is skipped) without
 * touching the live town, and let an admin resume from a past tick as a fork, the abandoned
 * future kept as a branch that can be reopened exactly where it was left.
 *
 * Looking (`frame`) replays the engine alone on a scratch world; forking and reopening replay
 * through the policy too (its own state must carry on), checked against the log tick by tick.
 * The console router and the telemetry hub are the shard's: they are not rewound (see
 * docs/timeline.md). Everything is bounded: bytes by the budget, branches and marks by count.
 */
import { createHash } from 'node:crypto'
import type { TimelineFrame, TimelineMark, TimelineMarkKind, TimelineStatus } from '../../../shared/contract/dto/timeline'
import type { ObserverFull } from '../../../shared/contract/dto/observer'
import { err, ok, type Result } from '../../../shared/result'
import type { LoadedConfig } from '../../config/load-config'
import type { PolicyRuntimeJson } from '../../policy/runtime/policy-runtime-json'
import { hashWorld, type Sha256 } from '../../sim/hash/hash-world'
import type { ConsoleOp } from '../../sim/inputs'
import type { SimEvent, World } from '../../sim/state/world'
import { ObserverEmitter } from '../observer-emitter'
import type { Simulation } from '../simulation'
import { Branches, type Branch } from './branches'
import { inputEntry } from './input-log'
import { captureKeyframe } from './keyframe'
import { deriveMarks, markLabel, MARK_LABEL_MAX } from './marks'
import { lastInputs, replayWorld, scratchWorld, simulationAt, type Scratch, type SimulationAtOptions } from './replay'

export const TIMELINE_DEFAULTS = { keyframeEvery: 100, byteBudget: 256 * 1024 * 1024, maxBranches: 8, maxMarks: 1000 } as const

export interface SessionTimelineOptions {
  /** Ticks between keyframes (K): a seek replays at most K−1 ticks. */
  keyframeEvery?: number
  /** Bytes of keyframes and inputs kept, all branches together; the oldest go first. */
  byteBudget?: number
  maxBranches?: number
  maxMarks?: number
  sha256?: Sha256
}

/** How a fork or reopen rebuilds its policy: the model that decided then (see `SimulationAtOptions.prepare`). */
export interface ResumeOptions {
  prepare?: SimulationAtOptions['prepare']
  /** The input log limit of the rebuilt simulation (the shard's `logLimit`). */
  logLimit?: number
}

/**
 * A simulation rebuilt at a tick, for the caller to adopt as the live one. The timeline already
 * records it; a caller that builds its own around `world` (its wiring, listeners) calls
 * `attach` with that one and disposes `simulation`.
 */
export interface TimelineResume {
  simulation: Simulation
  tick: number
  branch: string
  world: World
  lastEvents: readonly SimEvent[]
  policy: PolicyRuntimeJson
  pendingOps: ConsoleOp[]
  /** The model that decided the last tick (null: scripted): the caller's policy must be it. */
  policyHash: string | null
}

const sha256Hex: Sha256 = (text) => createHash('sha256').update(text).digest('hex')

export class SessionTimeline {
  readonly keyframeEvery: number
  readonly byteBudget: number
  private readonly branches: Branches
  private readonly sha256: Sha256
  private sim: Simulation
  private unsubscribe: () => void = () => undefined
  private lastRegistry: unknown
  private lastModel: unknown
  /** The last frame's scratch world, so stepping forward one tick replays one tick. */
  private cursor: { branch: Branch; scratch: Scratch } | null = null

  constructor(
    sim: Simulation,
    private readonly loaded: LoadedConfig,
    options: SessionTimelineOptions = {}
  ) {
    this.keyframeEvery = positiveInt(options.keyframeEvery, TIMELINE_DEFAULTS.keyframeEvery)
    this.byteBudget = positiveInt(options.byteBudget, TIMELINE_DEFAULTS.byteBudget)
    this.sha256 = options.sha256 ?? sha256Hex
    this.branches = new Branches(sim.world.state.tick, positiveInt(options.maxMarks, TIMELINE_DEFAULTS.maxMarks), positiveInt(options.maxBranches, TIMELINE_DEFAULTS.maxBranches))
    this.sim = sim
    this.attach(sim)
  }

  /**
   * Record `sim`'s ticks from now on (a fork's or reopen's simulation, or the caller's own built
   * around its world); it must stand at the current branch's live tick. A keyframe is taken now.
   */
  attach(sim: Simulation): Result<void> {
    const b = this.branches.current
    const tick = sim.world.state.tick
    if (sim !== this.sim && tick !== b.liveTick) return err('timeline.unreachable', `the simulation is at tick ${tick}, the timeline's branch at tick ${b.liveTick}`)
    if (sim.stepInFlight) return err('timeline.busy', 'a step is in flight: attach between steps')
    this.unsubscribe()
    this.sim = sim
    this.lastRegistry = sim.world.registry
    this.lastModel = sim.policy.model
    b.liveTick = tick
    this.branches.addKeyframe(b, captureKeyframe(sim))
    this.unsubscribe = sim.onTick((events) => this.record(events))
    this.branches.enforce(this.byteBudget)
    return ok(undefined)
  }

  /** Stop recording (the shard replaced its simulation with an unrelated one). */
  dispose(): void {
    this.unsubscribe()
    this.unsubscribe = () => undefined
    this.cursor = null
  }

  /** Called after every live tick (from `onTick`): log its inputs and marks, and take a keyframe when due. */
  private record(events: readonly SimEvent[]): void {
    const sim = this.sim
    const b = this.branches.current
    const tick = sim.world.state.tick
    if (tick <= b.liveTick) return
    b.liveTick = tick
    const inputs = lastInputs(sim)
    // The tick listener gets the runtime's events first, then the engine's (the tick's own list).
    const runtimeCount = events.length - sim.lastTickEvents.length
    const runtime = runtimeCount > 0 ? countTypes(events.slice(0, runtimeCount)) : null
    if (inputs || runtime) this.branches.addInput(b, inputEntry(tick, inputs, runtime))
    deriveMarks(b.marks, tick, inputs?.console ?? [], sim.lastTickEvents)
    // A registry swap or a model change between ticks is not an input a replay could apply:
    // a keyframe right after it means no replay ever crosses it.
    const swapped = sim.world.registry !== this.lastRegistry || sim.policy.model !== this.lastModel
    this.lastRegistry = sim.world.registry
    this.lastModel = sim.policy.model
    const latest = b.keyframes.latest?.tick ?? -Infinity
    if (swapped || tick % this.keyframeEvery === 0 || tick - latest >= this.keyframeEvery) {
      this.branches.addKeyframe(b, captureKeyframe(sim))
      this.branches.enforce(this.byteBudget)
    }
  }

  status(): TimelineStatus {
    const b = this.branches.current
    return {
      earliest_tick: b.keyframes.earliestTick ?? b.liveTick,
      live_tick: b.liveTick,
      keyframe_every: this.keyframeEvery,
      keyframes: this.branches.ledger.countOf((item) => 'data' in item),
      bytes: Math.round(this.branches.ledger.total),
      byte_budget: this.byteBudget,
      branches: this.branches.describe(),
      marks: b.marks.list()
    }
  }

  /** The town at `tick` on the current branch, rebuilt read-only: its hash, full observer frame and event counts. */
  frame(tick: number): Result<TimelineFrame> {
    const b = this.branches.current
    const reach = this.reachable(b, tick)
    if (!reach.ok) return reach
    const kf = reach.value
    const cursor = this.cursor
    let scratch: Scratch
    if (cursor && cursor.branch === b && cursor.scratch.world.state.tick <= tick && cursor.scratch.world.state.tick >= kf.tick) scratch = cursor.scratch
    else {
      const built = scratchWorld(this.sim.world, kf)
      if (!built.ok) return built
      scratch = built.value
    }
    replayWorld(scratch, b.inputs, tick)
    this.cursor = { branch: b, scratch }
    const counts = countTypes(scratch.lastEvents)
    for (const [type, n] of Object.entries(b.inputs.at(tick)?.runtime ?? {})) counts[type] = (counts[type] ?? 0) + n
    return ok({ tick, hash: hashWorld(scratch.world, this.sha256), frame: fullFrame(scratch), events: counts })
  }

  /**
   * Resume from `tick` as a fork: a simulation rebuilt there (through the policy), recorded on a
   * new branch from now on; the live run up to now stays as a parked branch.
   */
  async fork(tick: number, label?: string, options: ResumeOptions = {}): Promise<Result<TimelineResume>> {
    const parent = this.branches.current
    const reach = this.reachable(parent, tick)
    if (!reach.ok) return reach
    if (this.sim.stepInFlight) return err('timeline.busy', 'a step is in flight: pause the shard, then fork')
    const built = await simulationAt(this.loaded, this.sim.world, reach.value, parent.inputs, tick, options)
    if (!built.ok) return built
    // The live run may have stepped while a model replayed: park it where it is now.
    if (this.sim.stepInFlight || this.branches.current !== parent) {
      built.value.dispose()
      return err('timeline.busy', 'the shard stepped or switched branch while the fork was rebuilt: pause it, then fork')
    }
    this.branches.park(parent, captureKeyframe(this.sim, true))
    const name = markLabel(label ?? '') || `fork at ${tick}`
    const b = this.branches.fork(parent, tick, name)
    b.marks.add('fork', tick, name)
    return this.adopt(built.value, b)
  }

  /** Switch back to a parked branch at its last tick, exactly as it was left; the current one is parked. */
  async reopen(branchId: string, options: ResumeOptions = {}): Promise<Result<TimelineResume>> {
    const b = typeof branchId === 'string' ? this.branches.get(branchId) : undefined
    if (!b || !b.tip) return err('timeline.unknown_branch', b ? 'that branch is the current one' : 'no such branch (it may have been dropped to stay within the byte budget)')
    if (this.sim.stepInFlight) return err('timeline.busy', 'a step is in flight: pause the shard, then reopen')
    const current = this.branches.current
    const built = await simulationAt(this.loaded, this.sim.world, b.tip, b.inputs, b.tip.tick, { ...options, withPending: true })
    if (!built.ok) return built
    if (this.sim.stepInFlight || this.branches.current !== current || !b.tip) {
      built.value.dispose()
      return err('timeline.busy', 'the shard stepped or switched branch while the branch was rebuilt: pause it, then reopen')
    }
    this.branches.park(current, captureKeyframe(this.sim, true))
    this.branches.reopen(b)
    return this.adopt(built.value, b)
  }

  /** An operator's bookmark at a reachable tick of the current branch. */
  bookmark(tick: number, label: string): Result<TimelineMark> {
    const b = this.branches.current
    if (!Number.isSafeInteger(tick) || tick < 0 || tick > b.liveTick) return err('timeline.unreachable', `bookmark a tick between 0 and the live tick ${b.liveTick}`)
    if (typeof label !== 'string' || label.length > MARK_LABEL_MAX * 4) return err('ipc.invalid_payload', `a bookmark's label is text of at most ${MARK_LABEL_MAX} characters`)
    return ok(b.marks.add('bookmark', tick, markLabel(label) || `tick ${tick}`))
  }

  /** A mark someone else saw (a stability alert, a saved snapshot) at the live tick or before. */
  mark(kind: TimelineMarkKind, tick: number, label: string): void {
    const b = this.branches.current
    if (Number.isSafeInteger(tick) && tick >= 0 && tick <= b.liveTick) b.marks.add(kind, tick, label)
  }

  private adopt(sim: Simulation, b: Branch): Result<TimelineResume> {
    this.cursor = null
    b.liveTick = sim.world.state.tick
    const attached = this.attach(sim)
    if (!attached.ok) return attached
    const tip = b.keyframes.latest!
    return ok({ simulation: sim, tick: b.liveTick, branch: b.id, world: sim.world, lastEvents: sim.lastTickEvents, policy: sim.policy.toJSON(), pendingOps: sim.pendingOps(), policyHash: tip.policyHash })
  }

  private reachable(b: Branch, tick: number) {
    const earliest = b.keyframes.earliestTick
    if (!Number.isSafeInteger(tick) || earliest === null || tick < earliest || tick > b.liveTick) {
      return err('timeline.unreachable', earliest === null ? 'the timeline holds no keyframe yet' : `tick ${String(tick).slice(0, 20)} is outside the reachable ticks ${earliest}…${b.liveTick}`)
    }
    return ok(b.keyframes.atOrBefore(tick)!)
  }
}

function countTypes(events: readonly SimEvent[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1
  return counts
}

/** The observer's full frame of a rebuilt world, with that tick's events. */
function fullFrame(scratch: Scratch): ObserverFull {
  const emitter = new ObserverEmitter()
  emitter.record(scratch.lastEvents)
  const frame = emitter.frame(scratch.world, scratch.world.params.configId)
  if (frame.kind !== 'full') throw new Error('a fresh observer emitter made a diff')
  return frame
}

function positiveInt(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isSafeInteger(value) && value > 0 ? value : fallback
}
