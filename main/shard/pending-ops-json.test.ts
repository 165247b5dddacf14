/**
 * Pending console ops as a snapshot carries them: every op the engine knows round-trips through
 * JSON text into a simulation's queue unchanged (property), and anything else is refused with its
 * place in the list, leaving the queue as it was.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AGENT_OPTIONS } from '../../shared/contract/dto/world-summary'
import { consoleTown } from '../console/testing/console-town'
import type { ConsoleOp } from '../sim/inputs'
import { parsePendingOps } from './pending-ops-json'

const slot = fc.nat(50)
const value = fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true })
const id = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/)
const cmd = fc.option(fc.stringMatching(/^[A-Za-z0-9_.:-]{1,20}$/), { nil: undefined })
const need = fc.constantFrom('hunger', 'hygiene', 'energy') as fc.Arbitrary<'hunger' | 'hygiene' | 'energy'>

const op: fc.Arbitrary<ConsoleOp> = fc.oneof(
  fc.record({ op: fc.constant('set_need' as const), agent: slot, need, value }),
  fc.record({ op: fc.constant('set_wallet' as const), agent: slot, value }),
  fc.record({ op: fc.constant('set_price' as const), key: fc.constantFrom('meal_cost', 'ingredients_cost', 'wage_income') as fc.Arbitrary<'meal_cost'>, value, mode: fc.constantFrom('set', 'add', 'multiply') as fc.Arbitrary<'set'> }, { requiredKeys: ['op', 'key', 'value'] }),
  fc.record({ op: fc.constant('set_utility' as const), utility: fc.constantFrom('power', 'water') as fc.Arbitrary<'power'>, on: fc.boolean() }),
  fc.record(
    { op: fc.constant('spawn' as const), id, at: fc.tuple(fc.nat(40), fc.nat(40)), home: id, job: fc.option(id, { nil: null }), needs: fc.record({ hunger: value, energy: value }, { requiredKeys: [] }), wallet: value },
    { requiredKeys: ['op', 'id'] }
  ),
  fc.record({ op: fc.constant('kill' as const), agent: slot, reason: id }, { requiredKeys: ['op', 'agent'] }),
  fc.record({ op: fc.constant('teleport' as const), agent: slot, x: fc.nat(40), y: fc.nat(40) }),
  fc.record({ op: fc.constant('employment_exit' as const), agent: slot, action: fc.constantFrom('approve', 'defer') as fc.Arbitrary<'approve'> }),
  fc.record(
    { op: fc.constant('perturbation_trigger' as const), spec: id, starts_in: fc.nat(100), duration: fc.nat(100), magnitude: value, targets: fc.array(id, { maxLength: 3 }), agents: fc.array(slot, { maxLength: 3 }) },
    { requiredKeys: ['op', 'spec'] }
  ),
  fc.record({ op: fc.constant('perturbation_cancel' as const), event_id: id }),
  fc.record({ op: fc.constant('arrange_meet' as const), agents: fc.array(slot, { maxLength: 4 }), location: id, duration: fc.nat(100) }, { requiredKeys: ['op', 'agents', 'location'] }),
  fc.record({ op: fc.constant('force_chat' as const), speaker: slot, listener: slot, quality: value }, { requiredKeys: ['op', 'speaker', 'listener'] }),
  fc.record({ op: fc.constantFrom('possess' as const, 'release' as const), agent: slot }),
  fc.record(
    { op: fc.constant('operator_act' as const), agent: slot, option: fc.constantFrom(...AGENT_OPTIONS), object: fc.integer({ min: -1, max: 20 }), partner: slot, tile: fc.nat(2000) },
    { requiredKeys: ['op', 'agent', 'option', 'object'] }
  ),
  fc.record({ op: fc.constant('anneal_set' as const), ratio: fc.double({ min: 0, max: 1, noNaN: true }) })
).chain((o) => cmd.map((c) => (c === undefined ? o : { ...o, cmd_id: c }) as ConsoleOp))

describe('pending console ops JSON', () => {
  it('round-trips every op through JSON text into the queue (property)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (ops) => {
        const t = consoleTown()
        const text = JSON.stringify(ops)
        const restored = t.sim.restorePending(JSON.parse(text))
        expect(restored).toEqual({ ok: true, value: undefined })
        expect(t.sim.pendingOps()).toEqual(JSON.parse(text))
        // The copy handed out is the caller's: changing it changes no queue.
        const copy = t.sim.pendingOps()
        copy.length = 0
        expect(t.sim.pendingOps().length).toBe(ops.length)
      })
    )
  })

  it('refuses what is not an op, naming its place, and keeps the queue', () => {
    const t = consoleTown()
    t.sim.enqueue({ op: 'set_wallet', agent: 0, value: 5 })
    const refused = (json: unknown, where: RegExp) => {
      const r = t.sim.restorePending(json)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('snapshot.invalid')
        expect(r.error.message).toMatch(where)
      }
      expect(t.sim.pendingOps()).toEqual([{ op: 'set_wallet', agent: 0, value: 5 }])
    }
    refused({}, /pending_ops/)
    refused([{ op: 'explode' }], /pending_ops\.0/)
    refused([{ op: 'set_need', agent: 0, need: 'hunger', value: 1 }, { op: 'set_need', agent: -1, need: 'hunger', value: 1 }], /pending_ops\.1\.agent/)
    refused([{ op: 'set_wallet', agent: 0, value: 1, extra: true }], /pending_ops\.0/)
    refused([{ op: 'anneal_set', ratio: 2 }], /pending_ops\.0\.ratio/)
    refused([{ op: 'set_wallet', agent: 0, value: 1, cmd_id: 'no spaces' }], /pending_ops\.0\.cmd_id/)
    refused([{ op: 'spawn', id: 'x'.repeat(300) }], /pending_ops\.0\.id/)
    expect(parsePendingOps(new Array(100_001).fill({ op: 'possess', agent: 0 })).ok).toBe(false)
  })
})
