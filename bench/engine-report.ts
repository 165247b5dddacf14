/**
 * Runs the engine bench over 10 … 10,000 agents and formats it: the scale table with the targets
 * beside it, the decide-vs-tick breakdown for the big towns, and the frame summary's cost.
 */
import { benchEngine, type EngineResult } from './engine-bench'
import { mib } from './memory'
import { count, formatTable } from './table'

/** Ticks/s each size should reach (the original Python Townlet: ~85 at 10 agents, ~7 at 100). */
export const ENGINE_TARGETS: Record<number, number> = { 10: 8_500, 100: 700, 1_000: 200, 10_000: 10 }

const SIZES = [10, 100, 1_000, 10_000]
/** Sizes whose step is split into decide vs tick. */
const BREAKDOWN_SIZES = new Set([1_000, 10_000])
/** The size whose frame summary is timed. */
const SUMMARY_SIZE = 10_000

/** Runs every size (smallest first, so the process's peak RSS after a size is that size's peak). */
export function runEngineBench(budgetMs = 2500): EngineResult[] {
  return SIZES.map((agents) =>
    benchEngine(agents, {
      budgetMs,
      minTicks: 20,
      warmTicks: 200,
      warmMaxMs: 3000,
      breakdownMs: BREAKDOWN_SIZES.has(agents) ? 1500 : undefined,
      summaryMs: agents === SUMMARY_SIZE ? 500 : undefined
    })
  )
}

/** The printed report: the scale table with targets, the decide-vs-tick table, the frame summary's cost. */
export function formatEngineReport(results: EngineResult[]): string[] {
  const lines = ['Engine: Simulation.step (scripted policy + tick), generated town bench-N, seed 1, jobs 09–17 and 06–14', '']
  lines.push(
    ...formatTable(
      ['agents', 'build ms', 'warm-up', 'ticks', 'sim span', 'ticks/s', 'target', 'µs/agent-tick', 'peak RSS', 'peak heap', 'world heap', 'KiB/agent', 'heap after run'],
      results.map((r) => {
        const target = ENGINE_TARGETS[r.agents]
        const met = target === undefined ? '' : r.rate.perSecond >= target ? ' ok' : ' MISS'
        return [
          count(r.agents),
          r.buildMs.toFixed(1),
          count(r.warmTicks),
          count(r.rate.steps),
          span(r.rate.steps, r.ticksPerDay),
          count(r.rate.perSecond, r.rate.perSecond < 100 ? 1 : 0),
          target === undefined ? '' : `≥ ${count(target)}${met}`,
          ((r.rate.seconds * 1e6) / (r.rate.steps * r.agents)).toFixed(3),
          mib(r.peak.rss),
          mib(r.peak.heapUsed),
          mib(r.worldHeap),
          (r.worldHeap / r.agents / 1024).toFixed(2),
          mib(r.runHeap)
        ]
      })
    )
  )
  lines.push('world heap: retained after GC once built; heap after run adds the input log (last 10,000 ticks) and runtime state; RSS is the whole process')
  const [small, big] = [results.find((r) => r.agents === 1_000), results.find((r) => r.agents === 10_000)]
  if (small && big) {
    const per = (key: 'worldHeap' | 'runHeap') => ((big[key] - small[key]) / (big.agents - small.agents) / 1024).toFixed(2)
    lines.push(`marginal heap per agent, 1,000 → 10,000 agents: world ${per('worldHeap')} KiB, after run ${per('runHeap')} KiB`)
  }
  const targets = Object.entries(ENGINE_TARGETS).map(([agents, tps]) => `≥ ${count(tps)} at ${count(Number(agents))}`)
  lines.push(`targets (ticks/s at N agents): ${targets.join(', ')} (the original Python Townlet: ~85 at 10, ~7 at 100)`)

  const split = results.flatMap(({ agents, breakdown }) => (breakdown ? [{ agents, b: breakdown }] : []))
  if (split.length > 0) {
    lines.push('', 'Where a step goes, continuing each run (µs per tick; decide = decideScripted, tick = engine, record = input log)', '')
    lines.push(
      ...formatTable(
        ['agents', 'ticks', 'decide µs', 'tick µs', 'record µs', 'decide %', 'decisions/tick'],
        split.map(({ agents, b }) => {
          const total = b.decideUs + b.tickUs + b.recordUs
          return [count(agents), count(b.ticks), count(b.decideUs), count(b.tickUs), b.recordUs.toFixed(1), `${((100 * b.decideUs) / total).toFixed(0)}%`, b.decisionsPerTick.toFixed(1)]
        })
      )
    )
  }
  for (const r of results) {
    if (r.summaryUs !== undefined) lines.push('', `frame summary (summarizeWorld) at ${count(r.agents)} agents: ${count(r.summaryUs, 1)} µs per call`)
  }
  return lines
}

/** A count of ticks as simulated time: "14.8 h" or "6.9 d". */
function span(ticks: number, ticksPerDay: number): string {
  const days = ticks / ticksPerDay
  return days < 1 ? `${(days * 24).toFixed(1)} h` : `${days.toFixed(1)} d`
}
