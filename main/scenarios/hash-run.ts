/**
 * Child-process entry for the cross-process determinism test: builds a world from a config file
 * and its registry with no help from the parent, runs N ticks and prints the state's sha256.
 * Usage: node --import tsx main/scenarios/hash-run.ts <config.yaml> <registry.yaml> <ticks>
 * (It parses the files itself because the app's loader embeds files with a bundler-only import.)
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { ShardConfigSchema } from '../config/shard-config-schema'
import { Simulation } from '../shard/simulation'
import { AffordanceManifestSchema } from '../sim/affordances/manifest-schema'
import { hashWorld } from '../sim/hash/hash-world'

const [configPath, registryPath, ticks] = process.argv.slice(2)
const config = ShardConfigSchema.parse(parse(readFileSync(configPath!, 'utf8')))
const manifest = AffordanceManifestSchema.parse(parse(readFileSync(registryPath!, 'utf8')))
const summary = { config_id: config.config_id, seed: config.seed, tick_ms: config.runtime.tick_ms, ticks_per_day: config.world.ticks_per_day, start_time: config.world.start_time, source: configPath!, sha256: '0'.repeat(64) }
const sim = new Simulation({ config, summary, affordances: { source: registryPath!, sha256: '0'.repeat(64), manifest } })
for (let t = 0; t < Number(ticks); t++) sim.step()
process.stdout.write(`${hashWorld(sim.world, (text) => createHash('sha256').update(text).digest('hex'))}\n`)
