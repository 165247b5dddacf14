/**
 * The console router's snapshot form: after any mix of commands and ticks, a router rebuilt
 * from the JSON text (beside a simulation holding the same pending ops) answers every later admin
 * command, and hands out every final result, exactly as the original does; viewer namespaces are
 * not carried (their sessions do not outlive the host). Bad states are refused by path.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ConsoleResult, Role } from '../../shared/contract/dto/console'
import { ConsoleRouter } from './console-router'
import { consoleTown } from './testing/console-town'

type Action =
  | { kind: 'step' }
  | { kind: 'send'; command: number; value: number; cmdId: string | undefined; role: Role; issuer: string }

const COMMANDS = [
  (v: number) => ({ name: 'setneed', args: { agent: 'alice', need: 'hunger', value: v } }),
  (v: number) => ({ name: 'utility', args: { utility: 'power', on: v > 0.5 } }),
  () => ({ name: 'help', args: {} })
]

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: 'step' as const }),
  fc.record({
    kind: fc.constant('send' as const),
    command: fc.nat(COMMANDS.length - 1),
    value: fc.constantFrom(0.1, 0.5, 0.9),
    cmdId: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: undefined }),
    role: fc.constantFrom<Role>('admin', 'admin', 'viewer'),
    issuer: fc.constantFrom('s1', 's2')
  })
)

function play(t: { router: ConsoleRouter; sim: { step(): unknown } }, a: Action): ConsoleResult | null {
  if (a.kind === 'step') {
    t.sim.step()
    return null
  }
  const { name, args } = COMMANDS[a.command]!(a.value)
  return t.router.submit({ name, args, issuer: a.issuer, role: a.role, ...(a.cmdId === undefined ? {} : { cmd_id: a.cmdId }) })
}

describe('ConsoleRouter JSON', () => {
  it('carries on exactly after a round trip: admin answers, final results, cmd_id cache (property)', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), fc.array(action, { maxLength: 30 }), (before, after) => {
        const a = consoleTown()
        const b = consoleTown()
        for (const x of before) {
          play(a, x)
          play(b, x)
        }
        // b's own router goes; its simulation takes a's pending ops and a router from a's JSON.
        b.router.abandon('replaced by a restored router')
        const text = JSON.stringify(a.router.toJSON())
        expect(b.sim.restorePending(JSON.parse(JSON.stringify(a.sim.pendingOps()))).ok).toBe(true)
        const finals: ConsoleResult[] = []
        const restored = ConsoleRouter.fromJSON(b.sim, JSON.parse(text), { onResult: (r) => finals.push(r) })
        if (!restored.ok) throw new Error(restored.error.message)
        const copy = { router: restored.value, sim: b.sim }
        expect(copy.router.toJSON()).toEqual(JSON.parse(text))
        expect(copy.router.pendingCount).toBe(a.router.pendingCount)
        const from = a.finals.length
        for (const x of after) {
          const want = play(a, x)
          const got = play(copy, x)
          if (x.kind === 'send' && x.role === 'admin') expect(got).toEqual(want)
        }
        a.sim.step()
        copy.sim.step()
        expect(finals).toEqual(a.finals.slice(from))
        expect(copy.router.toJSON()).toEqual(a.router.toJSON())
      }),
      { numRuns: 60 }
    )
  })

  it('keeps only the admin namespace and the engine commands awaiting their tick', () => {
    const t = consoleTown()
    t.send('help', {}, 'v-1', 'viewer')
    t.send('help', {}, 'h-1')
    t.send('setneed', { agent: 'alice', need: 'hunger', value: 0.2 }, 'n-1')
    t.send('setneed', { agent: 'alice', need: 'energy', value: 0.3 })
    const json = t.router.toJSON()
    expect(json.idempotency.viewers).toEqual([])
    expect(json.idempotency.admin.map(([id]) => id)).toEqual(['h-1', 'n-1'])
    expect(json.pending.map((p) => [p.cmd_id, p.cached, p.result.status])).toEqual([
      ['n-1', true, 'queued'],
      ['auto-1', false, 'queued']
    ])
    expect(json.auto_ids).toBe(1)
  })

  it('refuses a state that is not one, naming where', () => {
    const t = consoleTown()
    t.send('setneed', { agent: 'alice', need: 'hunger', value: 0.2 }, 'n-1')
    const good = JSON.parse(JSON.stringify(t.router.toJSON()))
    const refused = (json: unknown, where: RegExp) => {
      const r = ConsoleRouter.fromJSON(consoleTown().sim, json)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('snapshot.invalid')
        expect(r.error.message).toMatch(where)
      }
    }
    refused(null, /console\.router/)
    refused({ ...good, schema_version: 9 }, /console\.router\.schema_version/)
    refused({ ...good, auto_ids: -1 }, /console\.router\.auto_ids/)
    refused({ ...good, pending: [...good.pending, ...good.pending] }, /console\.router\.pending\.1\.cmd_id: cmd_id "n-1" is pending twice/)
    refused({ ...good, pending: [{ ...good.pending[0], result: { ...good.pending[0].result, status: 'ok' } }] }, /pending\.0\.result/)
    refused({ ...good, pending: [{ ...good.pending[0], cmd_id: 'bad id!' }] }, /pending\.0\.cmd_id/)
    refused({ ...good, idempotency: { ...good.idempotency, capacity: 0 } }, /console\.router\.idempotency\.capacity/)
  })
})
