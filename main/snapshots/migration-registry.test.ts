/**
 * Migration chains: the shipped default-v1 → default step on a real town (it reprices, the
 * result restores into the current default town and runs), shortest paths over several steps,
 * a missing path named, and failing, throwing or sloppy steps refused by name with the source
 * document untouched.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ok } from '../../shared/result'
import { builtinMigrations } from './builtin-migrations'
import { resumePoint } from './load-snapshot'
import { applyChain, MigrationRegistry, planMigration, type SnapshotMigration } from './migration-registry'
import { defaultV1ToDefault } from './migrations/default-v1-to-default'
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec'
import { diffDocuments } from './snapshot-diff'
import { buildDocument, stateChecksum, type SnapshotDocument, type SnapshotState } from './snapshot-document'
import { snapshotErr } from './snapshot-errors'
import { copy, realDocument, SCRIPTED, shippedConfig, townOf, type Loose } from './testing/snapshot-fixtures'
import type { LoadedConfig } from '../config/load-config'
import { NO_INPUTS } from '../sim/inputs'
import { tick } from '../sim/tick'

const v = (config_id: string) => ({ config_id, schema_version: '2.0' })

/** A step that relabels and records itself in `world.trail`, so the order of a chain shows. */
function step(id: string, from: string, to: string, apply?: SnapshotMigration['apply']): SnapshotMigration {
  return {
    id,
    from: v(from),
    to: v(to),
    description: `${from} to ${to}`,
    apply:
      apply ??
      ((state) => {
        const w = state.world as Loose
        w.trail = [...((w.trail as string[] | undefined) ?? []), id]
        w.config_id = to
        return ok(state)
      })
  }
}

function docOf(config_id: string): SnapshotDocument {
  const state: SnapshotState = { world: { config_id, tick: 5, rng: { world: [1], events: [2], policy: [3] } }, last_events: [] }
  return buildDocument(state, SCRIPTED)
}

let target: LoadedConfig
beforeAll(async () => {
  target = await shippedConfig('default.yaml')
})

describe('the shipped migration default-v1 → default', () => {
  it('reprices a real default-v1 town; the result checks, diffs and resumes in the current default town', async () => {
    const old = await realDocument('default-v1.yaml', 60)
    expect(old.state.world.prices).toMatchObject({ meal_cost: 0.5 })
    const before = copy(old)
    const plan = planMigration(old, v('default'), builtinMigrations())
    expect(plan.ok && plan.value.map((m) => m.id)).toEqual(['default-v1-to-default'])
    if (!plan.ok) return
    const migrated = applyChain(old, plan.value, target)
    expect(migrated.ok).toBe(true)
    if (!migrated.ok) return
    const doc = migrated.value
    expect(old).toEqual(before)
    expect(doc.identity.config_id).toBe('default')
    expect(doc.state.world).toMatchObject({ config_id: 'default', prices: { meal_cost: 0.4 }, perturbations: { baseline: { prices: { meal_cost: 0.4 } } } })
    expect(doc.migrations.applied).toEqual([{ id: 'default-v1-to-default', from: v('default-v1'), to: v('default'), description: defaultV1ToDefault.description, at_tick: 60 }])
    expect(doc.checksum).toBe(stateChecksum(doc.state))
    expect(decodeSnapshot(encodeSnapshot(doc))).toEqual({ ok: true, value: doc })

    const sections = Object.fromEntries(diffDocuments(old, doc).map((s) => [s.section, s]))
    expect(sections.economy).toMatchObject({ changed: 1, examples: [{ kind: 'changed', path: 'prices.meal_cost', before: '0.5', after: '0.4' }] })
    expect(sections.perturbations?.changed).toBe(1)
    expect(sections.identity?.examples.map((e) => e.path)).toContain('config_id')
    expect(sections.agents?.changed).toBe(0)

    const point = resumePoint(doc, target)
    expect(point.ok, point.ok ? '' : point.error.message).toBe(true)
    if (!point.ok) return
    expect(point.value.world.state.prices.meal_cost).toBe(0.4)
    for (let t = 0; t < 20; t++) tick(point.value.world, NO_INPUTS)
    expect(point.value.world.state.tick).toBe(80)
  })

  it('keeps active price spikes on top of the new baseline, and a baseline the operator set', async () => {
    const world = copy((await realDocument('default-v1.yaml', 1)).state.world) as Loose
    world.perturbations.active = [{ kind: 'price_spike', seq: 3, targets: ['meal_cost'], magnitude: 1.5 }]
    world.prices.meal_cost = 0.75
    const r = defaultV1ToDefault.apply({ world: copy(world) as SnapshotState['world'] }, target)
    expect(r.ok && (r.value.world as Loose).prices.meal_cost).toBe(0.6)
    world.perturbations.active = []
    world.perturbations.baseline.prices.meal_cost = 0.7
    world.prices.meal_cost = 0.7
    const kept = defaultV1ToDefault.apply({ world: copy(world) as SnapshotState['world'] }, target)
    expect(kept.ok && (kept.value.world as Loose).prices).toMatchObject({ meal_cost: 0.7 })
  })

  it('fails by name on a world it cannot reprice, or towards another config', async () => {
    const wrongTarget = await shippedConfig('scenarios/blackout.yaml')
    const doc = await realDocument('default-v1.yaml', 1)
    const r = applyChain(doc, [defaultV1ToDefault], wrongTarget)
    expect(r).toMatchObject({ ok: false, error: { code: 'snapshot.migration_failed', details: { step: 'default-v1-to-default' } } })
    const bare = docOf('default-v1')
    const r2 = applyChain(bare, [defaultV1ToDefault], target)
    expect(r2.ok).toBe(false)
    if (!r2.ok) expect(r2.error.message).toMatch(/step 1 of 1, "default-v1-to-default" \(default-v1@2\.0 → default@2\.0\) failed: .*prices\.meal_cost/)
  })
})

describe('migration chains', () => {
  const registry = new MigrationRegistry([step('a-b', 'a', 'b'), step('b-c', 'b', 'c'), step('c-d', 'c', 'd'), step('a-c', 'a', 'c'), step('d-e', 'd', 'e')])

  it('takes the shortest path and applies every step in order, recorded', () => {
    expect(registry.findPath(v('a'), v('a'))).toEqual([])
    expect(registry.findPath(v('a'), v('d'))?.map((m) => m.id)).toEqual(['a-c', 'c-d'])
    expect(registry.findPath(v('b'), v('e'))?.map((m) => m.id)).toEqual(['b-c', 'c-d', 'd-e'])
    const doc = docOf('b')
    const plan = planMigration(doc, v('e'), registry)
    if (!plan.ok) throw new Error(plan.error.message)
    const r = applyChain(doc, plan.value, target)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect((r.value.state.world as Loose).trail).toEqual(['b-c', 'c-d', 'd-e'])
    expect(r.value.migrations.applied.map((m) => [m.id, m.from.config_id, m.to.config_id, m.at_tick])).toEqual([
      ['b-c', 'b', 'c', 5],
      ['c-d', 'c', 'd', 5],
      ['d-e', 'd', 'e', 5]
    ])
    expect(r.value.identity.config_id).toBe('e')
    expect(decodeSnapshot(encodeSnapshot(r.value)).ok).toBe(true)
    expect(doc.state.world).not.toHaveProperty('trail')
  })

  it('names the missing step when no path leads there', () => {
    const r = planMigration(docOf('e'), v('a'), registry)
    expect(r).toMatchObject({ ok: false, error: { code: 'snapshot.migration_required', details: { missing: { from: v('e'), to: v('a') } } } })
    if (!r.ok) expect(r.error.message).toContain('"e" → "a"')
    const r2 = planMigration(docOf('d'), v('a'), registry)
    if (!r2.ok) expect(r2.error.message).toContain('d-e (to e@2.0)')
    expect(planMigration(docOf('zzz'), v('a'), registry).ok).toBe(false)
  })

  it('a failing, throwing or sloppy step fails the chain by name and changes nothing', () => {
    const bad: [SnapshotMigration, RegExp][] = [
      [step('x-y', 'x', 'y', () => snapshotErr('snapshot.migration_failed', 'no stove to move')), /step 2 of 2, "x-y" .* failed: no stove to move/],
      [
        step('x-y', 'x', 'y', () => {
          throw new Error('boom')
        }),
        /"x-y" .* threw: boom/
      ],
      [step('x-y', 'x', 'y', (s) => ok(s)), /did not relabel the world/],
      [step('x-y', 'x', 'y', (s) => ok({ ...s, world: { ...s.world, config_id: 'y', tick: 6 } })), /changed the tick/],
      [step('x-y', 'x', 'y', (s) => ok({ ...s, bogus: 1 } as SnapshotState)), /not one/]
    ]
    for (const [failing, message] of bad) {
      const chain = [step('w-x', 'w', 'x'), failing]
      const doc = docOf('w')
      const before = copy(doc)
      const r = applyChain(doc, chain, target)
      expect(r).toMatchObject({ ok: false, error: { code: 'snapshot.migration_failed', details: { step: 'x-y' } } })
      if (!r.ok) expect(r.error.message).toMatch(message)
      expect(doc).toEqual(before)
    }
  })

  it('refuses an id registered twice', () => {
    expect(() => new MigrationRegistry([step('a-b', 'a', 'b'), step('a-b', 'b', 'c')])).toThrow(/registered twice/)
  })

  it('the shipped registry holds default-v1 → default', async () => {
    expect(builtinMigrations().list().map((m) => m.id)).toContain('default-v1-to-default')
    // Its target world must keep fitting the default town: the two configs draw the same town.
    const v1 = townOf(await shippedConfig('default-v1.yaml'))
    const now = townOf(target)
    expect(v1.state.objects.ids).toEqual(now.state.objects.ids)
    expect(v1.state.agents.ids.slice(0, v1.state.agents.count)).toEqual(now.state.agents.ids.slice(0, now.state.agents.count))
  })
})
