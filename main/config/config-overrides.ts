/**
 * Command-line overrides over a loaded config (`townlet run --agents N --seed S`): the same
 * config with another seed or population, validated and built again exactly as loading does, so
 * a bad override is a `config.invalid` answer and never a crash in the shard.
 */
import type { ConfigIssue } from '../../shared/contract/dto/config-summary'
import { err, ok, type Result } from '../../shared/result'
import { compileRegistry } from '../sim/affordances/registry'
import { createWorld } from '../sim/town/create-world'
import type { LoadedConfig } from './load-config'
import { GeneratedLayoutSchema } from './sections/world'
import { ShardConfigSchema, type ShardConfig } from './shard-config-schema'

/** What can be overridden; a key left out keeps the config's value. */
export interface ConfigOverrides {
  /** The population. A hand-drawn town cannot grow, so it becomes a generated one sized to fit. */
  agents?: number
  /** Replaces `seed`: every random stream of the simulation. */
  seed?: number
}

/**
 * The config with `o` applied. `seed` replaces the seed. `agents` sets `world.population`; a drawn
 * town (`world.layout`) is swapped for a generated one (`world.generate` with its defaults) so
 * households, objects and workplaces scale with it. Hand-placed agents (`world.agents`) that name
 * a home or a starting tile point into the drawn map, so they are dropped with it; the others keep
 * their ids, jobs, needs and wallets, the first N of them when there are more than N. Jobs keep
 * their hours and wages; in a generated town each agent works at its district's workplace, so
 * `jobs.*.workplace` no longer applies. `summary.sha256` still names the config file's text.
 */
export function withOverrides(loaded: LoadedConfig, o: ConfigOverrides): Result<LoadedConfig> {
  if (o.agents === undefined && o.seed === undefined) return ok(loaded)
  const source = `${loaded.summary.source} with ${describeOverrides(o)}`
  try {
    const next = applyOverrides(loaded.config, o)
    const parsed = ShardConfigSchema.safeParse(next)
    if (!parsed.success) {
      return invalid(
        source,
        parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
      )
    }
    const compiled = compileRegistry(loaded.affordances.manifest)
    if (!compiled.ok) return invalid(source, compiled.problems.filter((p) => !p.warning).map((p) => ({ file: loaded.affordances.source, path: p.path.join('.'), message: p.message })))
    const built = createWorld(parsed.data, compiled.registry)
    if (!built.ok) return invalid(source, built.problems.map((p) => ({ path: p.path.join('.'), message: p.message })))
    return ok({ ...loaded, config: parsed.data, summary: { ...loaded.summary, seed: parsed.data.seed } })
  } catch (e) {
    // The schema should make building safe; if it ever does not, answer rather than throw.
    return invalid(source, [{ path: '', message: `the overridden config does not build: ${(e as Error).message}` }])
  }
}

/** `agents=50 seed=7`: how the overrides read in messages. */
export function describeOverrides(o: ConfigOverrides): string {
  const parts: string[] = []
  if (o.agents !== undefined) parts.push(`agents=${o.agents}`)
  if (o.seed !== undefined) parts.push(`seed=${o.seed}`)
  return parts.length === 0 ? 'no overrides' : parts.join(' ')
}

function applyOverrides(config: ShardConfig, o: ConfigOverrides): ShardConfig {
  // A deep copy: the loaded config may still be in use (the running shard's, the UI's).
  const next = structuredClone(config)
  if (o.seed !== undefined) next.seed = o.seed
  if (o.agents !== undefined) {
    const world = next.world
    world.population = o.agents
    let agents = world.agents
    if (world.layout) {
      delete world.layout
      world.generate = GeneratedLayoutSchema.parse({})
      agents = agents.filter((a) => a.home === undefined && a.at === undefined)
    }
    // The schema refuses a population below the hand-placed count; keep the first N instead.
    world.agents = agents.slice(0, o.agents)
  }
  return next
}

function invalid(source: string, issues: ConfigIssue[]): Result<LoadedConfig> {
  const lines = issues.map((i) => `${i.path || '<document>'}: ${i.message}`).join('; ')
  return err('config.invalid', `${source} is not a valid shard config (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${lines}`, { source, issues })
}
