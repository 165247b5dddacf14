import { describe, expect, it } from 'vitest'
import { decideScripted } from '../../policy/scripted/scripted-controller'
import { tick } from '../../sim/tick'
import { withTelemetry } from '../testing/hub-runner'
import { starvingTown } from '../testing/starving-town'
import { TelemetryHub } from '../telemetry-hub'
import { StreamEmitter } from './stream-emitter'
import type { TelemetryPipeStatus } from '../transports/telemetry-pipe'

describe('the stream reads the hub through its readout, not its snapshot', () => {
  it('sends every narrated line once and each alert raised and cleared, even while another reader drains the hub every tick', () => {
    // Nobody can eat: faints are narrated (every one: no cooldown), starvation is raised, deaths clear it.
    const world = starvingTown()
    const hub = TelemetryHub.create(withTelemetry(world.params.config, { narration: { global_cooldown_ticks: 0 } }))
    const sent: { kind: string; tick: number; payload: Record<string, unknown> }[] = []
    const status: TelemetryPipeStatus = { transports: [], connected: true, dropped_messages: 0, queued_bytes: 0, unencodable_messages: 0 }
    const emitter = new StreamEmitter({
      sink: { send: (m) => sent.push(JSON.parse(JSON.stringify(m)) as never), setTick: () => undefined, status: () => status },
      everyTicks: 60,
      kpiWindowTicks: 100,
      now: () => 0,
      facts: { policy: () => ({ backend: 'scripted', policy_hash: null, model: 'scripted', execution_provider: null, observation_variant: 'full', anneal_ratio: 1, option_set: [] }), consoleOps: () => 0, perturbations: () => ({ pending: 0, active: 0 }), exitQueue: () => 0 }
    })
    const drained: unknown[] = []
    const transitions: [number, string, string][] = []
    let active = new Set<string>()
    for (let k = 0; k < 400; k++) {
      const decisions = decideScripted(world)
      const events = tick(world, { decisions, console: [] })
      hub.record({ world, events, decisions })
      emitter.tick(world.state.tick, events, hub.stream)
      // The frame path's reader: takes the new lines for itself and sees the alerts as they stand.
      const snap = hub.snapshot()
      drained.push(...snap.narrations)
      const now = new Set(snap.alerts.map((a) => a.name))
      for (const name of now) if (!active.has(name)) transitions.push([snap.tick, name, 'raised'])
      for (const name of active) if (!now.has(name)) transitions.push([snap.tick, name, 'cleared'])
      active = now
    }
    emitter.finish()
    expect(drained.length).toBeGreaterThan(2)
    expect(sent.filter((m) => m.kind === 'narration').map((m) => m.payload)).toEqual(drained)
    expect(transitions.some(([, name]) => name === 'starvation_spike')).toBe(true)
    const alerts = sent.filter((m) => m.kind === 'stability.alert').map((m) => [m.tick, (m.payload.alert as { name: string }).name, m.payload.state])
    expect(alerts).toEqual(transitions)
    expect(sent.filter((m) => m.kind === 'kpi.window').map((m) => m.tick)).toEqual([100, 200, 300, 400])
  })
})
