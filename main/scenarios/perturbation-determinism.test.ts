/**
 * The default town with the shipped example shocks (configs/perturbations/default.yaml, made
 * more frequent): the perturbation sequence and the world hash follow from the seed alone, and a
 * run with console triggers replays from its input log to the same hash without the policy.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseConfigText, type LoadedConfig } from '../config/load-config'
import { Simulation } from '../shard/simulation'
import { hashWorld } from '../sim/hash/hash-world'
import { replay } from '../sim/input-log'
import type { SimEvent } from '../sim/state/world'
import { CONFIGS_DIR } from './scenario-harness'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const TICKS = 2880

function shockedTown(seed: number): LoadedConfig {
  const town = readFileSync(resolve(CONFIGS_DIR, 'default.yaml'), 'utf8').replace(/^seed: \d+$/m, `seed: ${seed}`)
  // Ten times the example's chances, so two days see several of every kind.
  const section = readFileSync(resolve(CONFIGS_DIR, 'perturbations/default.yaml'), 'utf8').replace(/probability_per_day: ([\d.]+)/g, (_, p: string) => `probability_per_day: ${Number(p) * 10}`)
  const text = `${town}\nperturbations:\n${section.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n')}`
  const loaded = parseConfigText(text, 'default+shocks.yaml')
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value
}

function run(loaded: LoadedConfig, each?: (sim: Simulation, tick: number) => void) {
  const events: SimEvent[] = []
  const sim = new Simulation(loaded, { onEvents: (e) => events.push(...e.filter((x) => x.type.startsWith('perturbation') || x.type === 'arranged_meet')) })
  for (let t = 0; t < TICKS; t++) {
    each?.(sim, t)
    sim.step()
  }
  return { sim, events, hash: hashWorld(sim.world, sha256) }
}

describe('perturbations in the default town', () => {
  it('follow from the seed: same seed, same sequence and hash; another seed, another sequence', () => {
    const a = run(shockedTown(7))
    const b = run(shockedTown(7))
    const c = run(shockedTown(8))
    const starts = (r: typeof a) => r.events.filter((e) => e.type === 'perturbation_started')
    expect(starts(a).length).toBeGreaterThanOrEqual(4)
    expect(b.events).toEqual(a.events)
    expect(b.hash).toBe(a.hash)
    expect(starts(c)).not.toEqual(starts(a))
  })

  it('replays console triggers and cancels from the input log to the same hash', () => {
    const live = run(shockedTown(7), (sim, t) => {
      if (t === 100) sim.enqueue({ op: 'perturbation_trigger', spec: 'market_spike', magnitude: 1.7, starts_in: 5 })
      if (t === 300) sim.enqueue({ op: 'arrange_meet', agents: [0, 3], location: 'stove', duration: 20 })
      if (t === 400) sim.enqueue({ op: 'perturbation_trigger', spec: 'blackout' })
      if (t === 410) sim.enqueue({ op: 'perturbation_cancel', event_id: `evt_${sim.world.state.perturbations.next_id - 1}` })
    })
    expect(live.events.some((e) => e.type === 'perturbation_cancelled')).toBe(true)
    const again = new Simulation(shockedTown(7))
    replay(again.world, live.sim.log.list(), TICKS)
    expect(hashWorld(again.world, sha256)).toBe(live.hash)
  })
})
