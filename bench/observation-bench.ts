/**
 * The observation builder's cost: µs per agent for one build of every living agent's observation,
 * per variant, in the generated `bench-N` towns at 100 and 1,000 agents after a warm-up (agents
 * out and about, queues and reservations in use). Also the envelope (DTO) cost per agent, which
 * only the trace and exports pay. Prints figures, asserts nothing; target < 5 µs/agent (hybrid).
 */
import { parseConfigText } from '../main/config/load-config'
import { ObservationBuilder } from '../main/policy/observations/observation-builder'
import { toObservationEnvelope } from '../main/policy/observations/observation-dto'
import { Simulation } from '../main/shard/simulation'
import { engineConfigText } from './engine-config'
import { measureRate } from './measure'
import { count, formatTable } from './table'

const VARIANTS = ['hybrid', 'full', 'compact'] as const
const SIZES = [100, 1_000]
/** µs per agent a hybrid build should stay under. */
export const OBSERVATION_TARGET_US = 5

export interface ObservationResult {
  variant: (typeof VARIANTS)[number]
  agents: number
  mapSize: number
  featureSize: number
  builds: number
  buildUsPerAgent: number
  envelopeUsPerAgent: number
}

function simulationFor(variant: string, population: number): Simulation {
  const text = `${engineConfigText(population)}features:\n  systems: { observations: ${variant} }\n`
  const loaded = parseConfigText(text, `bench:${population}:${variant}`)
  if (!loaded.ok) throw new Error(`observation bench config does not load: ${loaded.error.message}`)
  return new Simulation(loaded.value)
}

/** Times the builder (and the envelope) for one variant and size. */
export function benchObservations(variant: (typeof VARIANTS)[number], agents: number, budgetMs = 1000): ObservationResult {
  const sim = simulationFor(variant, agents)
  for (let t = 0; t < 200; t++) sim.step()
  const world = sim.world
  const builder = new ObservationBuilder(world)
  let living = 0
  for (let i = 0; i < 20; i++) living = builder.build(world, []).count
  const build = measureRate(() => void builder.build(world, []), { budgetMs, minSteps: 20 })
  const batch = builder.build(world, [])
  const envelope = measureRate(() => void toObservationEnvelope(world, batch), { budgetMs: budgetMs / 4, minSteps: 3 })
  return {
    variant,
    agents: living,
    mapSize: builder.spec.mapSize,
    featureSize: builder.spec.featureSize,
    builds: build.steps,
    buildUsPerAgent: 1e6 / build.perSecond / living,
    envelopeUsPerAgent: 1e6 / envelope.perSecond / living
  }
}

/** The printed report. */
export function observationReport(budgetMs = 1000): string[] {
  const results = VARIANTS.flatMap((variant) => SIZES.map((agents) => benchObservations(variant, agents, budgetMs)))
  const lines = ['Observations: ObservationBuilder.build over every living agent, generated town bench-N after 200 ticks', '']
  lines.push(
    ...formatTable(
      ['variant', 'agents', 'map', 'features', 'builds', 'µs/agent', 'target', 'envelope µs/agent'],
      results.map((r) => [
        r.variant,
        count(r.agents),
        count(r.mapSize),
        count(r.featureSize),
        count(r.builds),
        r.buildUsPerAgent.toFixed(2),
        r.variant === 'hybrid' ? `< ${OBSERVATION_TARGET_US}${r.buildUsPerAgent < OBSERVATION_TARGET_US ? ' ok' : ' MISS'}` : '',
        r.envelopeUsPerAgent.toFixed(1)
      ])
    )
  )
  return lines
}
