import { describe, expect, it } from 'vitest'
import { decideScripted } from '../../policy/scripted/scripted-controller'
import { worldSnapshot } from '../../sim/hash/world-snapshot'
import { createStreams, streamsState } from '../../sim/rng/rng-streams'
import { restoreWorld } from '../../sim/snapshot/restore-world'
import { OPTION_INDEX, Phase, Shift } from '../../sim/state/agent-store'
import type { World } from '../../sim/state/world'
import { tick } from '../../sim/tick'
import { importLegacy, importLegacyWorld, type LegacyImportTarget } from './import-legacy'
import type { LegacyImportReport } from './import-report'
import { legacyImportMigration } from './legacy-migration'
import { renderLegacyReport } from './render-report'
import { BARE_FIXTURE, ENVELOPE_FIXTURE, defaultTarget, readFixture, targetWithPerturbations } from './testing/legacy-fixtures'

function imported(fixture: string, target: LegacyImportTarget = defaultTarget()) {
  const result = importLegacyWorld(readFixture(fixture), target)
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const slot = (world: World, id: string) => world.state.agents.ids.indexOf(id)
const obj = (world: World, id: string) => world.state.objects.ids.indexOf(id)
const fields = (entries: { field: string }[]) => entries.map((e) => e.field)
const dropped = (report: LegacyImportReport, field: string) => report.dropped.filter((d) => d.field === field)

function run(world: World, ticks: number): void {
  for (let t = 0; t < ticks; t++) tick(world, { decisions: decideScripted(world), console: [] })
}

describe('importLegacy: the 1.6 envelope onto configs/default.yaml', () => {
  const { live: w, report, legacy } = imported(ENVELOPE_FIXTURE)
  const a = w.state.agents.cols

  it('keeps the tick and reseeds every stream from the target seed', () => {
    expect(w.state.tick).toBe(2000)
    expect(streamsState(w.state.rng)).toEqual(streamsState(createStreams(20261124)))
    // In document order (the original wrote keys sorted).
    expect(report.rng.streams.map((s) => [s.name, s.encoding])).toEqual([
      ['context_seed', 'seed'],
      ['events', 'mt19937_json'],
      ['policy', 'mt19937_json'],
      ['world', 'mt19937_json'],
      ['rng_state', 'mt19937_json']
    ])
    expect(fields(report.dropped)).toEqual(expect.arrayContaining(['rng_state', 'rng_streams.world', 'rng_streams.events', 'rng_streams.policy']))
  })

  it("maps needs, wallet, position, counters and a running on-time shift of a matched agent", () => {
    const alice = slot(w, 'alice')
    expect([a.hunger[alice], a.hygiene[alice], a.energy[alice], a.wallet[alice]]).toEqual([0.62, 0.41, 0.77, 12.5])
    expect([a.x[alice], a.y[alice]]).toEqual([3, 10])
    expect([a.mealsEaten[alice], a.mealsCooked[alice], a.showers[alice], a.sleeps[alice]]).toEqual([5, 2, 3, 1])
    expect([a.latenessCount[alice], a.wagesWithheld[alice], a.attendance[alice]]).toEqual([1, 0.4, 0.85])
    expect(w.state.agents.attendanceSamples[alice]).toEqual([0.85])
    // 15:20 on the target clock, the grocer shift runs 09:00–17:00: 381 ticks in, all present.
    expect([a.shift[alice], a.shiftTicks[alice], a.shiftPresent[alice]]).toEqual([Shift.on_time, 381, 381])
    expect(w.params.jobs[a.job[alice]!]!.id).toBe('grocer')
    expect(w.state.society.profile[alice]).toBe(2) // socialite
    expect(w.state.society.extroversion[alice]).toBe(0.6)
  })

  it('moves agents off walls and from outside the map onto open tiles, and says so', () => {
    const cara = slot(w, 'cara')
    const dan = slot(w, 'dan')
    for (const i of [cara, dan]) expect(w.params.blocked[a.y[i]! * w.params.map.width + a.x[i]!]).toBe(0)
    const notes = report.mapped.filter((m) => m.field === 'agents.position').map((m) => m.note ?? '')
    expect(notes.some((n) => n.includes('wall or object tile'))).toBe(true)
    expect(notes.some((n) => n.includes('outside the target map'))).toBe(true)
  })

  it('adds agents the town lacks, with every per-agent array sized to the count', () => {
    // New slots in document order, after the town's own.
    expect(w.state.agents.ids).toEqual(['alice', 'bob', 'cara', 'dan', 'erin', 'finn', 'gina', 'hugo', 'quinn', 'zoe'])
    expect(w.state.society.agents).toBe(10)
    expect(w.state.society.ties).toHaveLength(10)
    const zoe = slot(w, 'zoe')
    expect(w.params.jobs[a.job[zoe]!]!.id).toBe('barista')
    expect(w.state.society.profile[zoe]).toBe(1) // industrious
    expect(dropped(report, 'agents.job_id')[0]?.examples).toEqual(['quinn'])
    expect(dropped(report, 'agents.needs')[0]?.examples).toEqual(['social'])
    expect(report.defaulted.find((d) => d.field === 'agents')?.count).toBe(4)
  })

  it('maps objects by id, stock by key (raw_ingredients → ingredients), and drops the rest', () => {
    expect(w.state.objects.stock[obj(w, 'fridge_1')]).toEqual({ meals: 3 })
    expect(w.state.objects.stock[obj(w, 'stove_1')]).toEqual({ ingredients: 2 })
    expect(dropped(report, 'objects')[0]?.examples).toEqual(['checkout_1'])
    expect(dropped(report, 'objects.stock').flatMap((d) => d.examples)).toContain('shower_1.water_on')
  })

  it('carries the holder and the queue with the agent side in step', () => {
    const fridge = obj(w, 'fridge_1')
    const bob = slot(w, 'bob')
    const cara = slot(w, 'cara')
    expect(w.state.objects.holder[fridge]).toBe(bob)
    expect([a.target[bob], a.phase[bob], a.option[bob]]).toEqual([fridge, Phase.holding, OPTION_INDEX.eat])
    expect(w.state.objects.queue[fridge]).toEqual([{ agent: cara, joined: 1995 }])
    expect([a.target[cara], a.phase[cara]]).toEqual([fridge, Phase.queued])
    // The shower had a line and no holder: zoe, first in line, holds it.
    expect(w.state.objects.holder[obj(w, 'shower_1')]).toBe(slot(w, 'zoe'))
    expect(dropped(report, 'queues.queues')[0]?.examples).toEqual(['ghost'])
  })

  it('keeps live cooldowns with their expiry and drops expired ones', () => {
    expect([...w.state.objects.cooldowns[obj(w, 'shower_1')]!]).toEqual([[slot(w, 'alice'), 2030]])
    expect(w.state.objects.cooldowns[obj(w, 'fridge_1')]!.size).toBe(0)
    expect(dropped(report, 'queues.cooldowns').map((d) => d.reason)).toEqual(expect.arrayContaining(['already expired at the imported tick']))
  })

  it('maps the exit queue, absences and the day counters', () => {
    const dan = slot(w, 'dan')
    expect(w.state.lifecycle.employment.queue).toEqual([{ agent: dan, job_id: 'barista', since: 1900, approved: false }])
    expect(w.state.lifecycle.employment.absences[String(dan)]).toEqual([1, 1, 1])
    expect(w.state.lifecycle.employment.processed_today).toBe(1)
    expect(w.state.lifecycle.exits_today).toBe(1)
    expect(w.state.lifecycle.day).toBe(1)
  })

  it('maps ties into the bounded ledgers, clamping familiarity', () => {
    const ledger = w.state.society.ties[slot(w, 'alice')]!
    expect(ledger).toEqual([slot(w, 'bob'), 0.4, 0.6, 0, slot(w, 'cara'), -0.2, 0, 0.5])
    expect(w.state.society.tieCount).toBe(5)
    expect(dropped(report, 'relationships').flatMap((d) => d.examples)).toEqual(expect.arrayContaining(['bob→ghost', 'cara→dan']))
  })

  it('drops perturbations the target config has no spec for', () => {
    expect(w.state.perturbations.active).toEqual([])
    expect(dropped(report, 'perturbations.active')[0]).toMatchObject({ count: 2, examples: ['evt_2', 'evt_3'] })
  })

  it('carries the anneal ratio and keeps the identity and history in the legacy record', () => {
    expect(w.state.policy.anneal_ratio).toBe(0.25)
    expect(legacy.identity).toMatchObject({ config_id: 'v1.3.0', policy_hash: '3f9c0a7be41d2c58a6e0f1b7d9c4e2a8b5f6d1c3', observation_variant: 'hybrid' })
    expect(legacy.migrations.applied).toHaveLength(1)
    expect(fields(report.dropped)).toEqual(expect.arrayContaining(['embeddings', 'stability', 'promotion', 'telemetry', 'console_buffer', 'affordances.running', 'queues.stall_counts']))
  })

  it('renders the report as lines for the CLI', () => {
    const lines = renderLegacyReport(report)
    expect(lines[0]).toMatch(/^legacy schema 1\.6 envelope: config_id v1\.3\.0, tick 2,000, 6 agents/)
    expect(lines).toContain('dropped (' + report.dropped.length + ' fields):')
    expect(lines.some((l) => l.includes('rng_state') && l.includes('reseeded'))).toBe(true)
    expect(lines.every((l) => l.length < 400)).toBe(true)
  })
})

describe('importLegacy: perturbations onto a config with matching specs', () => {
  const { live: w, report } = imported(ENVELOPE_FIXTURE, targetWithPerturbations())
  it('maps active and pending events and applies them to utilities', () => {
    const p = w.state.perturbations
    expect(p.active.map((e) => [e.id, e.kind, e.ends_at, e.targets])).toEqual([
      ['evt_2', 'arranged_meet', 2025, ['alice', 'bob']],
      ['evt_3', 'power_outage', 2040, ['power']]
    ])
    expect(w.state.utilities.power).toBe(false)
    // "grocer" priced nothing in the original: the spec's targets will stand in when it starts.
    expect(p.pending).toEqual([{ id: 'evt_4', spec: 'price_spike', kind: 'price_spike', origin: 'console', starts_at: 2100, duration: 90, magnitude: 1.5, targets: null, location: null }])
    expect(p.next_id).toBe(5)
    expect(report.mapped.find((m) => m.field === 'perturbations.active')?.count).toBe(2)
  })

  it('runs on: the blackout ends at its tick and power returns', () => {
    run(w, 45)
    expect(w.state.tick).toBe(2045)
    expect(w.state.utilities.power).toBe(true)
  })
})

describe('importLegacy: a bare 1.x state with a pickled RNG', () => {
  const { live: w, report } = imported(BARE_FIXTURE)
  const a = w.state.agents.cols
  it('reports the pickle as unreadable, reseeds, and maps what the old shard kept', () => {
    expect(report.source).toMatchObject({ form: 'bare', schema_version: null, config_id: 'v1.1.0', tick: 700 })
    expect(report.rng.streams).toEqual([{ name: 'rng_state', encoding: 'pickle_base64' }])
    expect(dropped(report, 'rng_state')[0]?.reason).toMatch(/pickled Python RNG .*cannot be read at all/)
    expect(streamsState(w.state.rng)).toEqual(streamsState(createStreams(20261124)))
    expect(a.hunger[slot(w, 'alice')]).toBe(1)
    expect(report.mapped.find((m) => m.field === 'agents.needs.hunger' && m.note)?.note).toMatch(/clamped/)
    expect(w.state.agents.ids).toContain('agent_7')
    expect(w.state.lifecycle.employment.queue).toEqual([{ agent: slot(w, 'erin'), job_id: 'barista', since: 700, approved: true }])
    expect(dropped(report, '(state)')[0]?.examples).toEqual(['narrations'])
  })
})

describe('importLegacy: the result', () => {
  it('leaves the caller\'s world as it was and is deterministic', () => {
    const target = defaultTarget()
    const before = JSON.stringify(worldSnapshot(target.world))
    const first = importLegacy(readFixture(ENVELOPE_FIXTURE), target)
    const second = importLegacy(readFixture(ENVELOPE_FIXTURE), target)
    expect(JSON.stringify(worldSnapshot(target.world))).toBe(before)
    expect(first.ok && second.ok && JSON.stringify(first.value) === JSON.stringify(second.value)).toBe(true)
  })

  it('refuses a target world built from another config', () => {
    const target = defaultTarget()
    const other = targetWithPerturbations()
    const result = importLegacy(readFixture(ENVELOPE_FIXTURE), { ...target, world: other.world })
    expect(!result.ok && result.error.code).toBe('snapshot.migration_failed')
  })

  for (const fixture of [ENVELOPE_FIXTURE, BARE_FIXTURE]) {
    it(`${fixture}: the world JSON restores into a fresh world and runs 200 ticks`, () => {
      const target = defaultTarget()
      const result = legacyImportMigration.apply(readFixture(fixture), target)
      if (!result.ok) throw new Error(result.error.message)
      const restored = restoreWorld(defaultTarget().world, JSON.parse(JSON.stringify(result.value.world)))
      if (!restored.ok) throw new Error(restored.problems.join('; '))
      expect(worldSnapshot(restored.world)).toEqual(result.value.world)
      run(restored.world, 200)
      expect(restored.world.state.tick).toBe(result.value.report.target.tick + 200)
      const w = restored.world
      for (let i = 0; i < w.state.agents.count; i++) {
        if (w.state.agents.cols.alive[i] !== 1) continue
        const t = w.state.agents.cols.y[i]! * w.params.map.width + w.state.agents.cols.x[i]!
        expect(w.params.blocked[t]).toBe(0)
      }
    })
  }
})

describe('importLegacy: a crowd', () => {
  it('fills open tiles up to tile_capacity and drops, with the reason, whom the town cannot hold', () => {
    const agents = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`p${i}`, { position: [5, 5], needs: { hunger: 0.5, hygiene: 0.5, energy: 0.5 }, wallet: 1 }]))
    const started = performance.now()
    const result = importLegacyWorld({ schema_version: '1.6', state: { config_id: 'big', tick: 10, agents, rng_streams: {} } }, defaultTarget())
    expect(performance.now() - started).toBeLessThan(5000)
    if (!result.ok) throw new Error(result.error.message)
    const { live: w, report } = result.value
    const counts = new Map<number, number>()
    for (let i = 0; i < w.state.agents.count; i++) {
      const t = w.state.agents.cols.y[i]! * w.params.map.width + w.state.agents.cols.x[i]!
      counts.set(t, (counts.get(t) ?? 0) + 1)
      expect(w.params.blocked[t]).toBe(0)
    }
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(w.params.tileCapacity)
    const full = dropped(report, 'agents').find((d) => d.reason.includes('no free tile'))
    expect(full && full.count + w.state.agents.count - 8).toBe(1500)
    expect(full?.examples).toHaveLength(5)
  })
})
