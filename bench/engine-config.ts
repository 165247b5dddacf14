/**
 * The engine bench's towns: a generated town of N agents on the scripted policy, with two shifts
 * (day 09:00–17:00 and early 06:00–14:00) so agents commute, eat, wash and sleep.
 */
import { parseConfigText, type LoadedConfig } from '../main/config/load-config'

/** The YAML of the `bench-N` shard config for `population` agents. */
export function engineConfigText(population: number): string {
  return [
    `config_id: bench-${population}`,
    'seed: 1',
    'world:',
    `  population: ${population}`,
    '  generate: {}',
    'jobs:',
    '  day: { start: "09:00", end: "17:00" }',
    '  early: { start: "06:00", end: "14:00" }',
    ''
  ].join('\n')
}

/** Parses and validates the `bench-N` config; throws if it does not load (a bug in this bench). */
export function loadEngineConfig(population: number): LoadedConfig {
  const loaded = parseConfigText(engineConfigText(population), `bench:${population}`)
  if (!loaded.ok) throw new Error(`bench config for ${population} agents does not load: ${loaded.error.message}`)
  return loaded.value
}
