/**
 * The vocabulary holds what the engine really emits: real town configs run by the real engine
 * (the Simulation, so the policy runtime's events are in too), with every console op, and each
 * event parsed strictly by its type's schema and round-tripped through JSON. A field renamed in
 * an emitter without the map (or the map without the emitter) fails here as well as in tsc.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../../scenarios/scenario-harness'
import type { ConsoleOp } from '../inputs'
import { lifecycleTown, runner, SHIFT_END } from '../lifecycle/lifecycle-test-towns'
import { runAvoidanceRoom } from '../../policy/scripted/testing/avoidance-room'
import { isSimEventType, SIM_EVENT_SCHEMAS, SIM_EVENT_TYPES, type SimEvent, type SimEventType } from './event-map'
import { EVENT_SAMPLES } from './testing/event-samples'

/** Problems with one event: unknown type, payload refused by its strict schema, or changed by a JSON round trip. */
function problemsOf(e: SimEvent): string[] {
  if (!isSimEventType(e.type)) return [`unknown type ${e.type}`]
  const { type, tick, ...payload } = e
  const problems: string[] = []
  if (!Number.isInteger(tick) || tick < 0) problems.push(`${type}: tick ${tick}`)
  const parsed = SIM_EVENT_SCHEMAS[type].safeParse(payload)
  if (!parsed.success) problems.push(`${type}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  else if (JSON.stringify(parsed.data) !== JSON.stringify(payload)) problems.push(`${type}: the schema changed the payload`)
  if (JSON.stringify(JSON.parse(JSON.stringify(e))) !== JSON.stringify(e)) problems.push(`${type}: not plain JSON`)
  return problems
}

/** Every console op once, by slot, at the ticks given (the default town: 8 agents, a fridge, a house); at tick 8 a meet loses one of its two before it starts, and is skipped. */
const OPS_BY_TICK: Record<number, ConsoleOp[]> = {
  1: [
    { op: 'set_need', agent: 0, need: 'hunger', value: 0.4 },
    { op: 'set_wallet', agent: 1, value: 5 },
    { op: 'set_price', key: 'meal_cost', value: 2, mode: 'multiply' },
    { op: 'set_utility', utility: 'water', on: false }
  ],
  2: [
    { op: 'set_utility', utility: 'water', on: true },
    { op: 'spawn', id: 'newcomer', cmd_id: 'spawn-1' },
    { op: 'teleport', agent: 2, x: 5, y: 7 },
    { op: 'force_chat', speaker: 0, listener: 1, quality: 0.9 },
    { op: 'force_chat', speaker: 1, listener: 2, quality: 0 }
  ],
  3: [{ op: 'kill', agent: 3, reason: 'test' }, { op: 'possess', agent: 4 }, { op: 'anneal_set', ratio: 0.5 }],
  4: [{ op: 'operator_act', agent: 4, option: 'idle', object: -1, tile: 7 * 25 + 6 }, { op: 'arrange_meet', agents: [0, 1], location: 'fridge', duration: 30 }],
  6: [{ op: 'release', agent: 4 }, { op: 'perturbation_trigger', spec: 'no_such_spec' }, { op: 'employment_exit', agent: 0, action: 'approve' }],
  8: [{ op: 'arrange_meet', agents: [5, 6], location: 'fridge', duration: 30 }, { op: 'arrange_meet', agents: [6, 7], location: 'fridge' }, { op: 'kill', agent: 7 }],
  9: [{ op: 'perturbation_cancel', event_id: 'evt_2' }, { op: 'kill', agent: 99 }]
}

async function collect(config: string, ticks: number, ops: Record<number, ConsoleOp[]> = {}): Promise<SimEvent[]> {
  const s = await loadScenario(config)
  // The runtime's own event: back to the scripted controller (a real policy.metadata).
  s.sim.policy.use(null)
  for (let t = 0; t < ticks; t++) {
    for (const op of ops[s.sim.world.state.tick + 1] ?? []) s.sim.enqueue(op)
    s.sim.step()
  }
  return s.events
}

const OPEN_GATE = 'exit_cooldown_ticks: 0, max_exits_per_day: 0, respawn: false'

/** The lifecycle's rarer paths, in the small towns its own tests use: the employment queue (approve, defer, overflow), a recovered faint, the spawn hooks. */
function lifecycleRuns(): SimEvent[] {
  const queue = lifecycleTown({ employment: 'max_absent_shifts: 2, daily_exit_cap: 1, review_window_ticks: 1000, exit_queue_limit: 2', lifecycle: OPEN_GATE })
  const q = runner(queue)
  q.until(SHIFT_END(1) + 6, { [SHIFT_END(1) + 6]: [{ op: 'employment_exit', agent: 0, action: 'approve' }, { op: 'employment_exit', agent: 1, action: 'defer' }] })
  const faint = lifecycleTown({ population: 2, jobs: false, lifecycle: 'faint_after_ticks: 0, exit_cooldown_ticks: 50, respawn: false' })
  for (let i = 0; i < 2; i++) faint.state.agents.cols.hunger[i] = 0.02
  const f = runner(faint)
  f.until(10, { 5: [{ op: 'set_need', agent: 1, need: 'hunger', value: 0.6 }] })
  const hooks = lifecycleTown({ population: 1, jobs: false, lifecycle: 'faint_after_ticks: 0, exit_cooldown_ticks: 0, max_exits_per_day: 0, exit_hooks: [log_exit], spawn_hooks: [log_spawn]' })
  hooks.state.agents.cols.hunger[0] = 0
  const h = runner(hooks)
  h.until(25)
  return [...q.events, ...f.events, ...h.events]
}

/** An avoider turning away from its rival's shower (the scripted controller's avoidance room). */
function avoidanceRun(): SimEvent[] {
  return runAvoidanceRoom('H........H', true).events
}

/** Types no run here makes: the embedding allocator warns only when an ONNX model's slots run out (main/policy tests cover it). */
const NOT_IN_THESE_RUNS: readonly SimEventType[] = ['policy.embedding']

describe('the event vocabulary', () => {
  it('has a valid, JSON-safe sample for every type, and its types are named as the stream allows', () => {
    for (const type of SIM_EVENT_TYPES) {
      expect(type).toMatch(/^[a-z][a-z0-9_.]*$/)
      const event = { type, tick: 1, ...EVENT_SAMPLES[type] } as SimEvent
      expect(problemsOf(event)).toEqual([])
    }
  })

  it('refuses a renamed field, a missing field and an unknown type', () => {
    const { agent_id, ...rest } = EVENT_SAMPLES.agent_exit
    expect(problemsOf({ type: 'agent_exit', tick: 1, ...rest, agent: agent_id } as unknown as SimEvent)).toHaveLength(1)
    expect(problemsOf({ type: 'agent_exit', tick: 1, ...rest } as unknown as SimEvent)).toHaveLength(1)
    expect(problemsOf({ type: 'agent_exited', tick: 1 } as unknown as SimEvent)).toEqual(['unknown type agent_exited'])
  })

  it('holds every event the real engine emits in the default town and the scenario towns, and they cover the map', async () => {
    const runs = await Promise.all([
      collect('default.yaml', 300, OPS_BY_TICK),
      collect('scenarios/starvation.yaml', 1500),
      collect('scenarios/employment_punctuality.yaml', 1440),
      collect('scenarios/blackout.yaml', 400),
      collect('scenarios/kitchen_breakfast.yaml', 400),
      collect('scenarios/queue_conflict.yaml', 200),
      collect('scenarios/rivalry_decay.yaml', 300)
    ])
    const events = [...runs.flat(), ...lifecycleRuns(), ...avoidanceRun()]
    const problems = [...new Set(events.flatMap(problemsOf))]
    expect(problems.slice(0, 10)).toEqual([])
    const seen = new Set(events.map((e) => e.type))
    expect(SIM_EVENT_TYPES.filter((t) => !seen.has(t) && !NOT_IN_THESE_RUNS.includes(t))).toEqual([])
  }, 120_000)

  it('accepts whatever the engine emits under random console ops, and survives JSON (property)', async () => {
    const s = await loadScenario('default.yaml')
    const start = s.events.length
    const slot = fc.integer({ min: -1, max: 10 })
    const op: fc.Arbitrary<ConsoleOp> = fc.oneof(
      fc.record({ op: fc.constant('set_need' as const), agent: slot, need: fc.constantFrom('hunger' as const, 'hygiene' as const, 'energy' as const), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ op: fc.constant('set_wallet' as const), agent: slot, value: fc.double({ min: -50, max: 50, noNaN: true }) }),
      fc.record({ op: fc.constant('set_price' as const), key: fc.constantFrom('meal_cost' as const, 'ingredients_cost' as const, 'wage_income' as const), value: fc.double({ min: 0, max: 5, noNaN: true }) }),
      fc.record({ op: fc.constant('set_utility' as const), utility: fc.constantFrom('power' as const, 'water' as const), on: fc.boolean() }),
      fc.record({ op: fc.constant('teleport' as const), agent: slot, x: fc.integer({ min: -1, max: 25 }), y: fc.integer({ min: -1, max: 14 }) }),
      fc.record({ op: fc.constant('kill' as const), agent: slot }),
      fc.record({ op: fc.constant('spawn' as const), id: fc.stringMatching(/^[a-z]{1,6}$/) }),
      fc.record({ op: fc.constant('force_chat' as const), speaker: slot, listener: slot, quality: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ op: fc.constant('possess' as const), agent: slot }),
      fc.record({ op: fc.constant('release' as const), agent: slot }),
      fc.record({ op: fc.constant('anneal_set' as const), ratio: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ op: fc.constant('arrange_meet' as const), agents: fc.array(slot, { maxLength: 3 }), location: fc.constantFrom('fridge', 'bed', 'nowhere') }),
      fc.record({ op: fc.constant('perturbation_cancel' as const), event_id: fc.constantFrom('evt_1', 'evt_2', 'evt_9') })
    )
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.array(op, { maxLength: 3 }), fc.integer({ min: 1, max: 20 })), { maxLength: 6 }), async (steps) => {
        const from = s.events.length
        for (const [ops, ticks] of steps) {
          for (const o of ops) s.sim.enqueue(o)
          for (let t = 0; t < ticks; t++) s.sim.step()
        }
        const fresh = s.events.slice(from)
        expect([...new Set(fresh.flatMap(problemsOf))]).toEqual([])
      }),
      { numRuns: 40 }
    )
    expect(s.events.length).toBeGreaterThan(start)
  }, 120_000)
})
