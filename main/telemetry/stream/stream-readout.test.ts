import { describe, expect, it } from 'vitest'
import { decideScripted } from '../../policy/scripted/scripted-controller'
import { tick } from '../../sim/tick'
import { testWorld } from '../../sim/testing/test-world'
import { TelemetryHub } from '../telemetry-hub'
import { StreamEmitter } from './stream-emitter'
import type { TelemetryPipeStatus } from '../transports/telemetry-pipe'

/** Four people in a flat without food, hunger draining fast: faints are narrated, starvation raised, deaths clear it. */
const STARVING = `config_id: starving
seed: 3
rewards:
  decay_rates: { hunger: 0.01, hygiene: 0, energy: 0 }
narration: { global_cooldown_ticks: 0 }
world:
  population: 4
  layout:
    map: |
      ########
      #.B.B..#
      #......#
      ########
    homes: [{ id: flat, area: [1, 1, 6, 2] }]
  agents:
    - { id: ann, needs: { hunger: 0.3, hygiene: 1, energy: 1 } }
    - { id: bob, needs: { hunger: 0.3, hygiene: 1, energy: 1 } }
    - { id: cat, needs: { hunger: 0.5, hygiene: 1, energy: 1 } }
    - { id: dan, needs: { hunger: 0.5, hygiene: 1, energy: 1 } }
`

describe('the stream reads the hub through its readout, not its snapshot', () => {
  it('sends every narrated line once and each alert raised and cleared, even while another reader drains the hub every tick', () => {
    const world = testWorld(STARVING)
    const hub = TelemetryHub.create(world.params.config)
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
