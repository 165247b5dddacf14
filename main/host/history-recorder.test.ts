import { describe, expect, it } from 'vitest'
import { HISTORY_LIMITS, SessionHistorySchema } from '../../shared/contract/dto/session-history'
import type { Kpis } from '../../shared/contract/dto/society'
import { sampleFrame } from '../../shared/testing/contract-samples'
import { createEventBus } from './event-bus'
import { HistoryRecorder } from './history-recorder'
import { RingBuffer } from './ring-buffer'

function kpis(tick: number): Kpis {
  return { window_ticks: 100, tick, self_sufficiency: 0.5, tenure_days: 1, relationship_coverage: 0.2, starvation_incidents: 0, lateness_rate: 0.1, queue_conflict_rate: 0 }
}

function recorder() {
  const clock = { t: 1_000 }
  return { clock, history: new HistoryRecorder({ clock: () => clock.t }) }
}

describe('RingBuffer', () => {
  it('keeps the newest items, oldest first', () => {
    const ring = new RingBuffer<number>(3)
    for (let i = 1; i <= 5; i++) ring.push(i)
    expect(ring.toArray()).toEqual([3, 4, 5])
    expect(ring.last()).toBe(5)
    expect(ring.beforeLast()).toBe(4)
    ring.replaceLast(9)
    expect(ring.toArray()).toEqual([3, 4, 9])
    ring.clear()
    expect(ring.toArray()).toEqual([])
    expect(() => new RingBuffer(0)).toThrow(/positive capacity/)
  })
})

describe('HistoryRecorder', () => {
  it('records what the bus broadcasts: log lines, the latest frame, tick rate and needs', () => {
    const { clock, history } = recorder()
    const bus = createEventBus()
    const stop = history.attach(bus)
    bus.emit('log.entry', { level: 'info', source: 'host', message: 'hello', at: 5 })
    bus.emit('shard.frame', sampleFrame(0, { state: 'running', tick: 10, measured_tps: 20 }, 8))
    clock.t += 600
    bus.emit('shard.frame', sampleFrame(1, { state: 'running', tick: 22, measured_tps: 24 }, 8))
    const snap = SessionHistorySchema.parse(history.snapshot())
    expect(snap.now).toBe(1_600)
    expect(snap.frame?.frame_seq).toBe(1)
    expect(snap.log.map((e) => e.message)).toEqual(['hello'])
    expect(snap.tps).toEqual([
      { at: 1_000, tick: 10, tps: 20 },
      { at: 1_600, tick: 22, tps: 24 }
    ])
    expect(snap.needs.map((s) => s.tick)).toEqual([10, 22])
    stop()
    bus.emit('log.entry', { level: 'info', source: 'host', message: 'unheard', at: 6 })
    expect(history.snapshot().log).toHaveLength(1)
  })

  it('keeps every list within the contract limits however long the run', () => {
    const { clock, history } = recorder()
    for (let i = 0; i < 2_000; i++) {
      clock.t += 600
      history.recordLog({ level: 'info', source: 'shard', message: `line ${i}`, at: clock.t })
      history.recordFrame(sampleFrame(i, { state: 'running', tick: i, measured_tps: 10 }, 3))
      history.recordKpis(kpis(i))
    }
    const snap = SessionHistorySchema.parse(history.snapshot())
    expect(snap.log).toHaveLength(HISTORY_LIMITS.log)
    expect(snap.log.at(-1)?.message).toBe('line 1999')
    expect(snap.kpis).toHaveLength(HISTORY_LIMITS.kpis)
    expect(snap.needs.length).toBeLessThanOrEqual(HISTORY_LIMITS.needs)
    // The tick-rate chart shows a minute: samples 600 ms apart, so about a hundred of them.
    expect(snap.tps.length).toBeLessThanOrEqual(101)
    expect(snap.tps.at(-1)?.tick).toBe(1_999)
  })

  it('collapses close tick-rate samples into one and ignores a stale frame', () => {
    const { clock, history } = recorder()
    history.recordFrame(sampleFrame(0, { tick: 1, measured_tps: 1 }))
    clock.t += 100
    history.recordFrame(sampleFrame(1, { tick: 2, measured_tps: 2 }))
    clock.t += 100
    history.recordFrame(sampleFrame(2, { tick: 3, measured_tps: 3 }))
    history.recordFrame(sampleFrame(1, { tick: 2, measured_tps: 99 }))
    expect(history.snapshot().tps.map((s) => s.tps)).toEqual([1, 3])
    expect(history.snapshot().frame?.frame_seq).toBe(2)
  })

  it('samples needs only for towns with agents, once per tick, and starts afresh for another world', () => {
    const { clock, history } = recorder()
    history.recordFrame(sampleFrame(0, { tick: 5 }, 0))
    expect(history.snapshot().needs).toEqual([])
    history.recordFrame(sampleFrame(1, { state: 'paused', tick: 5 }, 2))
    clock.t += 1_000
    history.recordFrame(sampleFrame(2, { state: 'paused', tick: 5 }, 2))
    expect(history.snapshot().needs).toHaveLength(1)
    clock.t += 1_000
    history.recordFrame(sampleFrame(3, { tick: 50 }, 2))
    expect(history.snapshot().needs.map((s) => s.tick)).toEqual([5, 50])
    // A restart: the tick goes back, the old world's samples go.
    clock.t += 1_000
    history.recordFrame(sampleFrame(4, { tick: 1 }, 2))
    expect(history.snapshot().needs.map((s) => s.tick)).toEqual([1])
  })

  it('records each KPI window once, and forgets the old world after a config load or a restart', () => {
    const { history } = recorder()
    const bus = createEventBus()
    history.attach(bus)
    history.recordKpis(null)
    history.recordKpis(kpis(100))
    history.recordKpis(kpis(100))
    history.recordKpis(kpis(200))
    expect(history.snapshot().kpis.map((k) => k.tick)).toEqual([100, 200])
    history.recordKpis(kpis(50))
    expect(history.snapshot().kpis.map((k) => k.tick)).toEqual([50])
    history.recordKpis(kpis(150))
    bus.emit('config.loaded', sampleFrame(0).status.config)
    // The new world's first window may end later than the old world's last: still a new list.
    history.recordKpis(kpis(300))
    history.recordKpis(kpis(400))
    expect(history.snapshot().kpis.map((k) => k.tick)).toEqual([300, 400])
  })
})
