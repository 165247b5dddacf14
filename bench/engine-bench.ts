/**
 * The engine bench: a `Simulation` (scripted policy + engine, as the shard runs it) in a generated
 * town of N agents, in-process. Per size: world build time, ticks/s over a wall-time budget after a
 * warm-up, peak memory while running, and the heap the world retains. For big sizes, also where a
 * step's time goes (policy decide vs engine tick) and what a frame's world summary costs.
 */
import { decideScripted } from '../main/policy/scripted/scripted-controller'
import { Simulation } from '../main/shard/simulation'
import type { TickInputs } from '../main/sim/inputs'
import { tick } from '../main/sim/tick'
import { summarizeWorld } from '../main/sim/world-summary'
import { loadEngineConfig } from './engine-config'
import { measureRate, timed, warmUp, type Rate } from './measure'
import { PeakMemory, retainedHeap } from './memory'

/** What one size measured. */
export interface EngineResult {
  agents: number
  /** `new Simulation(...)`: registry compile + town generation + agent placement, in ms. */
  buildMs: number
  /** Warm-up ticks actually run (capped by time for big towns). */
  warmTicks: number
  rate: Rate
  /** Ticks in a simulated day, to tell how much of a day the measurement covered. */
  ticksPerDay: number
  peak: PeakMemory
  /** Heap retained (after GC) by the freshly built world, over the heap before its config was loaded. */
  worldHeap: number
  /** The same after the run: the world plus its input log (10,000 ticks kept) and runtime state. */
  runHeap: number
  breakdown?: StepBreakdown
  /** µs per `summarizeWorld` call (the shard's frame summary). */
  summaryUs?: number
}

/** A step split into its parts, as `Simulation.step` runs them; times are µs per tick. */
export interface StepBreakdown {
  ticks: number
  decideUs: number
  tickUs: number
  recordUs: number
  decisionsPerTick: number
}

export interface EngineOptions {
  /** Wall time to measure ticks/s for, in ms. */
  budgetMs: number
  /** Fewest measured ticks, whatever the budget. */
  minTicks: number
  warmTicks: number
  /** Most wall time the warm-up may take, in ms. */
  warmMaxMs: number
  /** Also measure decide vs tick for this long (ms) after the rate. */
  breakdownMs?: number
  /** Also time `summarizeWorld` for this long (ms). */
  summaryMs?: number
}

/** Builds and runs the `bench-N` town for `agents` agents. */
export function benchEngine(agents: number, opts: EngineOptions): EngineResult {
  const before = retainedHeap()
  const loaded = loadEngineConfig(agents)
  // The shard keeps 10,000 ticks of inputs; so does the bench, so memory matches a real shard.
  const built = timed(() => new Simulation(loaded, { logLimit: 10_000 }))
  const sim = built.value
  const worldHeap = retainedHeap() - before
  const step = () => void sim.step()
  const warmTicks = warmUp(step, opts.warmTicks, opts.warmMaxMs)
  const peak = new PeakMemory()
  peak.sample()
  const rate = measureRate(step, { budgetMs: opts.budgetMs, minSteps: opts.minTicks, onSample: () => peak.sample() })
  peak.sample()
  const runHeap = retainedHeap() - before
  const ticksPerDay = sim.world.params.clock.ticksPerDay
  const result: EngineResult = { agents, buildMs: built.ms, warmTicks, rate, ticksPerDay, peak, worldHeap, runHeap }
  if (opts.breakdownMs !== undefined) result.breakdown = measureBreakdown(sim, opts.breakdownMs, opts.minTicks)
  if (opts.summaryMs !== undefined) result.summaryUs = measureSummary(sim, opts.summaryMs)
  return result
}

/** Replicates `Simulation.step` (console empty), timing decide, tick and the input-log record apart. */
export function measureBreakdown(sim: Simulation, budgetMs: number, minTicks: number): StepBreakdown {
  const world = sim.world
  let decide = 0
  let engine = 0
  let record = 0
  let decisions = 0
  const rate = measureRate(
    () => {
      const t0 = performance.now()
      const inputs: TickInputs = { decisions: decideScripted(world), console: [] }
      const t1 = performance.now()
      tick(world, inputs)
      const t2 = performance.now()
      sim.log.record(world.state.tick, inputs)
      const t3 = performance.now()
      decide += t1 - t0
      engine += t2 - t1
      record += t3 - t2
      decisions += inputs.decisions.length
    },
    { budgetMs, minSteps: minTicks }
  )
  const perTick = (ms: number) => (ms * 1000) / rate.steps
  return { ticks: rate.steps, decideUs: perTick(decide), tickUs: perTick(engine), recordUs: perTick(record), decisionsPerTick: decisions / rate.steps }
}

/** µs per `summarizeWorld` call on the simulation's current world. */
export function measureSummary(sim: Simulation, budgetMs: number): number {
  let agents = 0
  const rate = measureRate(() => void (agents += summarizeWorld(sim.world).agents), { budgetMs, minSteps: 10 })
  if (agents === 0 && sim.world.state.agents.count > 0) throw new Error('summarizeWorld saw no agents')
  return 1e6 / rate.perSecond
}
