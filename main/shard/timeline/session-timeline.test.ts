/**
 * The session timeline against the live run it recorded: every reachable tick rebuilds to the
 * hash and the event counts the live run had there (console ops queued along the way), for any
 * keyframe spacing; looking never changes the live town; a fork resumes exactly at its tick and
 * reopening the abandoned branch returns exactly to where it was left, carrying on as if never
 * left; the byte budget drops the oldest keyframes first.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hashWorld } from '../../sim/hash/hash-world'
import { compileOrThrow, Simulation } from '../simulation'
import { SessionTimeline } from './session-timeline'
import { record, sha256, townConfig, watch } from './testing/timeline-town'
import { timelineOptionsOf } from './timeline-config'

function frameOk(r: ReturnType<typeof record>, tick: number) {
  const f = r.timeline.frame(tick)
  if (!f.ok) throw new Error(f.error.message)
  return f.value
}

describe('SessionTimeline.frame', () => {
  it('rebuilds every tick to the live hash and event counts, tick for tick, and leaves the live town alone', () => {
    const loaded = townConfig()
    const r = record(new Simulation(loaded), loaded, { keyframeEvery: 25 })
    r.run(160)
    const live = hashWorld(r.sim.world, sha256)
    for (let t = 0; t <= 160; t++) {
      const f = frameOk(r, t)
      if (f.hash !== r.hashes.get(t)) expect(`tick ${t}: ${f.hash}`).toBe(`tick ${t}: ${r.hashes.get(t)}`)
      expect(f.tick).toBe(t)
      if (t > 0) expect(f.events).toEqual(r.events.get(t))
      expect(f.frame.kind).toBe('full')
      expect(f.frame.tick).toBe(t)
    }
    // Console ops were applied on the way (and marked).
    expect(r.timeline.status().marks.filter((m) => m.kind === 'console').length).toBeGreaterThan(5)
    // Backwards too (no cursor to reuse), and the live town has not moved.
    for (const t of [150, 99, 3, 100, 0]) expect(frameOk(r, t).hash).toBe(r.hashes.get(t))
    expect(hashWorld(r.sim.world, sha256)).toBe(live)
    expect(r.sim.world.state.tick).toBe(160)
  })

  it('holds for any keyframe spacing and target tick (property)', () => {
    const loaded = townConfig(8, 5)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 6 }), (k, targets) => {
        const r = record(new Simulation(loaded), loaded, { keyframeEvery: k })
        r.run(120)
        for (const n of targets) expect(frameOk(r, n).hash).toBe(r.hashes.get(n))
        expect(r.timeline.status().keyframes).toBe(Math.floor(120 / k) + 1)
      }),
      { numRuns: 12 }
    )
  })

  it('refuses ticks it cannot reach, naming the range', () => {
    const loaded = townConfig(4)
    const r = record(new Simulation(loaded), loaded, { keyframeEvery: 10 })
    r.run(20)
    for (const bad of [21, -1, 1.5, Number.NaN, 2 ** 60]) {
      const f = r.timeline.frame(bad)
      expect(f.ok ? 'ok' : f.error.code).toBe('timeline.unreachable')
    }
  })
})

describe('SessionTimeline byte budget', () => {
  it('drops the oldest keyframes first and stays within the budget', () => {
    const loaded = townConfig(10)
    const probe = record(new Simulation(loaded), loaded, { keyframeEvery: 10 })
    // Before any tick it holds one keyframe and no inputs.
    const perKeyframe = probe.timeline.status().bytes
    const r = record(new Simulation(loaded), loaded, { keyframeEvery: 10, byteBudget: Math.round(perKeyframe * 4.5) })
    r.run(200)
    const s = r.timeline.status()
    expect(s.bytes).toBeLessThanOrEqual(s.byte_budget)
    expect(s.earliest_tick).toBeGreaterThan(100)
    expect(s.keyframes).toBeLessThanOrEqual(4)
    const gone = r.timeline.frame(s.earliest_tick - 1)
    expect(gone.ok ? 'ok' : gone.error.code).toBe('timeline.unreachable')
    expect(frameOk(r, s.earliest_tick).hash).toBe(r.hashes.get(s.earliest_tick))
    expect(frameOk(r, 200).hash).toBe(r.hashes.get(200))
  })
})

describe('SessionTimeline.fork and reopen', () => {
  it('forks at a past tick exactly, and reopening the abandoned branch returns to its live tick and carries on as if never left', async () => {
    const loaded = townConfig()
    const r = record(new Simulation(loaded), loaded, { keyframeEvery: 20 })
    r.run(130)
    // Queued for tick 131 when the fork happens: it belongs to the abandoned future.
    r.sim.enqueue({ op: 'set_need', agent: 2, need: 'energy', value: 0.1, cmd_id: 'queued' })
    const liveHash = hashWorld(r.sim.world, sha256)
    const original = r.sim

    const forked = await r.timeline.fork(57, 'try again')
    if (!forked.ok) throw new Error(forked.error.message)
    expect(forked.value.tick).toBe(57)
    expect(hashWorld(forked.value.simulation.world, sha256)).toBe(r.hashes.get(57))
    expect(forked.value.pendingOps).toEqual([])
    original.dispose()
    const abandoned = new Map(r.hashes)
    watch(r, forked.value.simulation)
    r.run(40, (t) => (t === 60 ? [{ op: 'set_wallet', agent: 0, value: 99 }] : []))
    let s = r.timeline.status()
    expect(s.live_tick).toBe(97)
    expect(s.branches.map((b) => [b.label, b.from_tick, b.to_tick, b.current])).toEqual([
      ['main', 0, 130, false],
      ['try again', 57, 97, true]
    ])
    expect(s.marks.some((m) => m.kind === 'fork' && m.tick === 57)).toBe(true)
    // The fork's own ticks are rebuilt from its keyframes and log; its past is the parent's.
    expect(frameOk(r, 90).hash).toBe(r.hashes.get(90))
    expect(frameOk(r, 40).hash).toBe(abandoned.get(40))
    expect(r.hashes.get(90)).not.toBe(abandoned.get(90))

    const back = await r.timeline.reopen(s.branches[0]!.id)
    if (!back.ok) throw new Error(back.error.message)
    expect(back.value.tick).toBe(130)
    expect(hashWorld(back.value.simulation.world, sha256)).toBe(liveHash)
    expect(back.value.pendingOps.map((op) => op.cmd_id)).toEqual(['queued'])
    s = r.timeline.status()
    expect(s.branches.map((b) => [b.to_tick, b.current])).toEqual([
      [130, true],
      [97, false]
    ])

    // Carrying on from the reopened branch equals a run that never forked.
    watch(r, back.value.simulation)
    r.run(30)
    const straight = record(new Simulation(loaded), loaded, { keyframeEvery: 1000 })
    straight.run(130)
    straight.sim.enqueue({ op: 'set_need', agent: 2, need: 'energy', value: 0.1, cmd_id: 'queued' })
    straight.run(30)
    for (let t = 131; t <= 160; t++) expect(r.hashes.get(t)).toBe(straight.hashes.get(t))
    expect(frameOk(r, 145).hash).toBe(straight.hashes.get(145))
  })

  it('refuses an unknown or current branch, a tick out of reach, and a fork while a step is in flight', async () => {
    const loaded = townConfig(4)
    const r = record(new Simulation(loaded), loaded, { keyframeEvery: 10 })
    r.run(15)
    const codes = [await r.timeline.reopen('nope'), await r.timeline.reopen(r.timeline.status().branches[0]!.id), await r.timeline.fork(16)].map((x) => (x.ok ? 'ok' : x.error.code))
    expect(codes).toEqual(['timeline.unknown_branch', 'timeline.unknown_branch', 'timeline.unreachable'])
    const stepping = r.sim.stepAsync()
    const busy = await r.timeline.fork(5)
    expect(busy.ok ? 'ok' : busy.error.code).toBe('timeline.busy')
    await stepping
  })
})

describe('SessionTimeline marks', () => {
  it('keeps bookmarks and derived marks, bounded with the newest winning, and checks what it is given', () => {
    const loaded = townConfig(4)
    const r = record(new Simulation(loaded), loaded, { keyframeEvery: 10, maxMarks: 5 })
    r.run(30, (t) => [{ op: 'set_wallet', agent: 0, value: t }])
    const b = r.timeline.bookmark(12, '  lunch\u0007 rush  ')
    expect(b).toEqual({ ok: true, value: { tick: 12, kind: 'bookmark', label: 'lunch  rush' } })
    const marks = r.timeline.status().marks
    expect(marks.length).toBe(5)
    expect(marks[marks.length - 1]).toEqual({ tick: 12, kind: 'bookmark', label: 'lunch  rush' })
    expect(marks.slice(0, 4).map((m) => m.tick)).toEqual([27, 28, 29, 30])
    expect(r.timeline.bookmark(31, 'x').ok).toBe(false)
    expect(r.timeline.bookmark(3, 'x'.repeat(5000)).ok).toBe(false)
    expect(r.timeline.bookmark(3, 'y'.repeat(300)).ok && r.timeline.status().marks.at(-1)!.label.length).toBe(200)
  })
})

describe('timelineOptionsOf', () => {
  it('reads snapshot.timeline', () => {
    const loaded = townConfig(4)
    const config = { ...loaded.config, snapshot: { ...loaded.config.snapshot, timeline: { keyframe_every: 40, byte_budget: 2 ** 21 } } }
    const t = new SessionTimeline(new Simulation(loaded), loaded, timelineOptionsOf(config))
    expect([t.status().keyframe_every, t.status().byte_budget]).toEqual([40, 2 ** 21])
    expect(timelineOptionsOf(loaded.config)).toEqual({ keyframeEvery: 100, byteBudget: 256 * 1024 * 1024 })
  })
})

describe('SessionTimeline across a registry swap', () => {
  it('takes a keyframe right after the swap, so no replay crosses it', () => {
    const loaded = townConfig(6)
    const r = record(new Simulation(loaded), loaded, { keyframeEvery: 50 })
    r.run(30)
    r.sim.swapRegistry(compileOrThrow(loaded.affordances.manifest))
    r.run(30)
    expect(r.timeline.status().keyframes).toBe(3)
    for (const t of [29, 30, 31, 45, 60]) expect(frameOk(r, t).hash).toBe(r.hashes.get(t))
  })
})
