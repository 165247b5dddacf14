/**
 * Determinism with the lifecycle doing real work: a generated town whose only job is a ten-minute
 * shift people set off for only when it starts (no arrival buffer), so most miss it every day and
 * two misses queue them for eviction. Exits, the gate, draws from the `world` stream and respawns
 * all happen; the same config and seed still give the same hash, and the input log replays to it.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfigFile, type LoadedConfig } from '../config/load-config'
import { Simulation } from '../shard/simulation'
import { hashWorld } from '../sim/hash/hash-world'
import { replay } from '../sim/input-log'
import type { SimEvent } from '../sim/state/world'
import { CONFIGS_DIR } from './scenario-harness'
import { testWorkspace } from '../fs/testing/test-workspace'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const TICKS = 3000

async function busyTown(seed: number, lifecycle: 'on' | 'off' = 'on'): Promise<LoadedConfig> {
  const loaded = await loadConfigFile(resolve(CONFIGS_DIR, 'default.yaml'), await testWorkspace())
  if (!loaded.ok) throw new Error(loaded.error.message)
  const c = loaded.value.config
  return {
    ...loaded.value,
    config: {
      ...c,
      seed,
      features: { ...c.features, systems: { ...c.features.systems, lifecycle } },
      world: { ...c.world, population: 60, layout: undefined, generate: { agents_per_household: 4, households_per_workplace: 5, beds_per_household: 2 } },
      jobs: { courier: { start: '09:00', end: '09:10', wage: 0.02, lateness_penalty: 0.1, grace_ticks: 2 } },
      behavior: { ...c.behavior, job_arrival_buffer: 0 },
      employment: { ...c.employment, max_absent_shifts: 2 },
      lifecycle: { ...c.lifecycle, exit_cooldown_ticks: 30, max_exits_per_day: 10 }
    }
  }
}

function run(loaded: LoadedConfig): { sim: Simulation; events: SimEvent[] } {
  const events: SimEvent[] = []
  const sim = new Simulation(loaded, { onEvents: (e) => events.push(...e) })
  for (let t = 0; t < TICKS; t++) sim.step()
  return { sim, events }
}

describe('determinism with the lifecycle on', () => {
  it('gives the same hash for the same seed, replays from the input log, and differs with the lifecycle off', async () => {
    const loaded = await busyTown(11)
    const a = run(loaded)
    const b = run(loaded)
    const count = (type: string) => a.events.filter((e) => e.type === type).length
    expect(count('employment_exit_processed')).toBeGreaterThan(0)
    expect(count('agent_exit')).toBeGreaterThan(0)
    expect(count('agent_respawn')).toBeGreaterThan(0)
    const hash = hashWorld(a.sim.world, sha256)
    expect(hashWorld(b.sim.world, sha256)).toBe(hash)
    const again = new Simulation(loaded)
    replay(again.world, a.sim.log.list(), TICKS)
    expect(hashWorld(again.world, sha256)).toBe(hash)
    expect(hashWorld(run(await busyTown(11, 'off')).sim.world, sha256)).not.toBe(hash)
  })
})
