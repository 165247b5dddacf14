import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseAffordanceText, type AffordanceSource } from '../config/load-affordances'
import { parseConfigText } from '../config/load-config'
import { ManualScheduler } from './manual-scheduler'
import { Shard } from './shard'

const CORE = readFileSync(join(__dirname, '../../configs/affordances/core.yaml'), 'utf8')

function source(text: string): AffordanceSource {
  const load = parseAffordanceText(text, 'registry.yaml')
  if (!load.ok) throw new Error(JSON.stringify(load.issues))
  return load.affordances
}

function setup() {
  const loaded = parseConfigText('config_id: reload\nseed: 3\nruntime:\n  tick_ms: 100\n', 'reload.yaml', parseAffordanceText(CORE, 'registry.yaml'))
  if (!loaded.ok) throw new Error(loaded.error.message)
  const scheduler = new ManualScheduler()
  return { shard: new Shard(loaded.value, { scheduler }), scheduler }
}

const duration = (shard: Shard, id: string) => shard.simulation.world.registry.byId.get(id)?.spec.duration

describe('Shard.reloadAffordances', () => {
  it('swaps the registry between ticks and keeps the clock', () => {
    const { shard, scheduler } = setup()
    shard.start()
    scheduler.advance(1000)
    const tick = shard.view().tick
    expect(duration(shard, 'eat_meal')).toBe(15)
    const result = shard.reloadAffordances(source(CORE.replace('duration: 15', 'duration: 42')))
    expect(result).toMatchObject({ ok: true, value: { state: 'running', tick } })
    expect(duration(shard, 'eat_meal')).toBe(42)
    scheduler.advance(1000)
    expect(shard.view().tick).toBe(tick + 10)
    shard.step(200)
    expect(duration(shard, 'eat_meal')).toBe(42)
  })

  it('refuses a registry that lacks an object type the map uses, naming it, and keeps the old one', () => {
    const { shard } = setup()
    shard.step(5)
    const before = shard.simulation.world.registry
    const withoutShower = CORE.replace(/^ {2}shower: \{\}\n/m, '').replace(/\n {2}- id: use_shower[\s\S]*?(?=\n {2}- id:)/, '')
    expect(withoutShower).not.toMatch(/shower:|use_shower/)
    const result = shard.reloadAffordances(source(withoutShower))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('config.invalid')
    expect(result.error.message).toMatch(/"shower"/)
    expect(result.error.details).toEqual({ missing_object_types: ['shower'] })
    expect(shard.simulation.world.registry).toBe(before)
    expect(shard.step(5).tick).toBe(10)
  })

  it('refuses a manifest that does not compile and keeps the old one', () => {
    const { shard } = setup()
    const before = shard.simulation.world.registry
    const good = source(CORE)
    const broken: AffordanceSource = { ...good, manifest: { ...good.manifest, affordances: [...good.manifest.affordances, good.manifest.affordances[0]!] } }
    const result = shard.reloadAffordances(broken)
    expect(!result.ok && result.error.message).toMatch(/duplicate affordance id "eat_meal"/)
    expect(shard.simulation.world.registry).toBe(before)
  })
})
