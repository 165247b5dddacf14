/**
 * The console's idempotency across sessions (finding 6 of the trust-boundary review): cmd_ids
 * live per issuer, so what a viewer sends can neither evict an admin's cmd_id (and make a
 * retry apply twice) nor claim an id an admin will use. Admins share one namespace, so a
 * reconnecting admin (a new session id) can still retry. Every bound is per namespace, and the
 * number of viewer namespaces is bounded too.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { ConsoleResult, Role } from '../../shared/contract/dto/console'
import type { Result } from '../../shared/result'
import type { JsonValue } from '../sim/state/world'
import { defineCommand, later, now, queue } from './command'
import { CommandRegistry, defaultCommandRegistry } from './command-registry'
import { ConsoleRouter } from './console-router'
import { IdempotencyCache } from './idempotency-cache'
import { consoleTown } from './testing/console-town'

type Town = ReturnType<typeof consoleTown>

/** A client of the town's router with the issuer and role the host would stamp. */
function session(t: Town, issuer: string, role: Role) {
  return (name: string, args: unknown = {}, cmdId?: string): ConsoleResult =>
    t.router.submit({ name, args, issuer, role, ...(cmdId === undefined ? {} : { cmd_id: cmdId }) })
}

const PRICE_ADD_1 = { key: 'meal_cost', value: 1, mode: 'add' } as const
const mealCost = (t: Town) => t.world.state.prices.meal_cost

describe('finding 6: cmd_ids are per issuer', () => {
  it("finding 6: a viewer's commands cannot evict an admin's cmd_id", () => {
    const t = consoleTown()
    const admin = session(t, 'window-1', 'admin')
    const viewer = session(t, 'socket-3', 'viewer')
    expect(admin('price', PRICE_ADD_1, 'p-1')).toMatchObject({ status: 'queued', replayed: false })
    t.sim.step()
    expect(mealCost(t)).toBeCloseTo(1.4)
    for (let i = 0; i < 600; i++) expect(viewer('help', {}, `h-${i}`).status).toBe('ok')
    const retry = admin('price', PRICE_ADD_1, 'p-1')
    expect(retry).toMatchObject({ status: 'ok', replayed: true, cmd_id: 'p-1', issuer: 'window-1', role: 'admin' })
    t.sim.step()
    expect(mealCost(t)).toBeCloseTo(1.4)
    expect(t.finals.filter((r) => r.cmd_id === 'p-1')).toHaveLength(1)
  })

  it('finding 6: a viewer cannot claim an id an admin will use', () => {
    const t = consoleTown()
    const admin = session(t, 'window-1', 'admin')
    const viewer = session(t, 'socket-3', 'viewer')
    const viewersHelp = viewer('help', {}, 'x-1')
    expect(viewersHelp.status).toBe('ok')
    expect(admin('price', PRICE_ADD_1, 'x-1')).toMatchObject({ status: 'queued', replayed: false, issuer: 'window-1' })
    // The same command under the viewer's id is the admin's own first run, not the viewer's result.
    expect(admin('help', {}, 'x-2')).toMatchObject({ status: 'ok', replayed: false })
    viewer('help', {}, 'x-3')
    expect(admin('help', {}, 'x-3')).toMatchObject({ status: 'ok', replayed: false, issuer: 'window-1' })
    // And the other way round: a viewer reusing a pending admin id gets its own answer.
    expect(admin('setneed', { agent: 'alice', need: 'hunger', value: 0.25 }, 's-1').status).toBe('queued')
    expect(viewer('help', {}, 's-1')).toMatchObject({ status: 'ok', replayed: false, issuer: 'socket-3' })
    t.sim.step()
    expect(mealCost(t)).toBeCloseTo(1.4)
    expect(t.world.state.agents.cols.hunger[t.slot('alice')]).toBeCloseTo(0.25)
    expect(t.finals.map((r) => [r.cmd_id, r.status])).toEqual([
      ['x-1', 'ok'],
      ['s-1', 'ok']
    ])
    // The viewer's own retry still answers from the viewer's first result.
    expect(viewer('help', {}, 'x-1')).toEqual({ ...viewersHelp, replayed: true })
  })

  it('keeps viewers apart from each other, and lets a reconnecting admin retry', () => {
    const t = consoleTown()
    session(t, 'socket-1', 'viewer')('help', {}, 'v-1')
    expect(session(t, 'socket-2', 'viewer')('telemetry_snapshot', {}, 'v-1')).toMatchObject({ status: 'ok', replayed: false })
    expect(session(t, 'socket-1', 'admin')('price', PRICE_ADD_1, 'p-1').status).toBe('queued')
    t.sim.step()
    // The admin came back on a new connection (a new session id): still the same principal.
    expect(session(t, 'socket-9', 'admin')('price', PRICE_ADD_1, 'p-1')).toMatchObject({ status: 'ok', replayed: true, issuer: 'socket-9' })
    t.sim.step()
    expect(mealCost(t)).toBeCloseTo(1.4)
  })

  it('refuses a world change from a viewer even when a command is misregistered as read-only', () => {
    const sneaky = defineCommand({ name: 'sneaky', role: 'viewer', destructive: false, help: 'a bug', args: z.object({}).strict(), run: () => queue({ op: 'set_price', key: 'meal_cost', value: 9, mode: 'set' }) })
    const t = consoleTown()
    const router = new ConsoleRouter(t.sim, { registry: new CommandRegistry([sneaky]) })
    expect(router.submit({ name: 'sneaky', args: {}, issuer: 'socket-1', role: 'viewer', cmd_id: 'z-1' }).error).toMatchObject({ code: 'console.forbidden' })
    expect(router.pendingCount).toBe(0)
    t.sim.step()
    expect(mealCost(t)).toBeCloseTo(0.4)
  })

  it('keeps slow (later) commands of different namespaces apart while they are pending', async () => {
    const settle: ((r: Result<JsonValue>) => void)[] = []
    const slow = defineCommand({ name: 'slow', role: 'viewer', destructive: false, help: 'takes a while', args: z.object({ n: z.number() }).strict(), run: () => later(new Promise((resolve) => settle.push(resolve))) })
    const quick = defineCommand({ name: 'quick', role: 'viewer', destructive: false, help: 'answers now', args: z.object({}).strict(), run: () => now('quick') })
    const t = consoleTown()
    const finals: ConsoleResult[] = []
    const router = new ConsoleRouter(t.sim, { registry: new CommandRegistry([slow, quick]), onResult: (r) => finals.push(r) })
    const send = (issuer: string, role: Role, name: string, args: object) => router.submit({ name, args, issuer, role, cmd_id: 'l-1' })
    expect(send('socket-1', 'viewer', 'slow', { n: 1 })).toMatchObject({ status: 'queued', replayed: false })
    expect(send('window-1', 'admin', 'slow', { n: 2 })).toMatchObject({ status: 'queued', replayed: false })
    expect(send('socket-2', 'viewer', 'quick', {})).toMatchObject({ status: 'ok', replayed: false })
    expect(send('socket-1', 'viewer', 'slow', { n: 1 })).toMatchObject({ status: 'queued', replayed: true })
    expect(router.pendingCount).toBe(2)
    settle[0]!({ ok: true, value: 'one' })
    settle[1]!({ ok: true, value: 'two' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(finals.map((r) => [r.issuer, r.result])).toEqual([
      ['socket-1', 'one'],
      ['window-1', 'two']
    ])
    expect(send('window-1', 'admin', 'slow', { n: 2 })).toMatchObject({ status: 'ok', replayed: true, result: 'two' })
  })
})

describe('idempotency bounds', () => {
  const result = (cmdId: string): ConsoleResult => ({ cmd_id: cmdId, name: 'help', status: 'ok', tick: 0, issuer: 'x', role: 'viewer', replayed: false, result: null })
  const admin = { role: 'admin', issuer: 'window-1' } as const
  const viewer = (issuer: string) => ({ role: 'viewer', issuer }) as const
  const put = (cache: IdempotencyCache, who: { role: Role; issuer: string }, cmdId: string) => cache.set(who, cmdId, { key: 'k', result: result(cmdId) })

  it('bounds each namespace on its own: one filling up evicts only its own oldest', () => {
    const cache = new IdempotencyCache({ capacity: 3 })
    for (const id of ['a1', 'a2', 'a3']) put(cache, admin, id)
    for (let i = 0; i < 10; i++) put(cache, viewer('socket-1'), `v${i}`)
    put(cache, viewer('socket-2'), 'w0')
    expect(cache.sizeOf(admin)).toBe(3)
    expect(cache.sizeOf(viewer('socket-1'))).toBe(3)
    expect(['a1', 'a2', 'a3'].map((id) => cache.get(admin, id)?.result.cmd_id)).toEqual(['a1', 'a2', 'a3'])
    expect(cache.get(viewer('socket-1'), 'v6')).toBeUndefined()
    expect(cache.get(viewer('socket-1'), 'v7')).toBeDefined()
    expect(cache.get(viewer('socket-2'), 'w0')).toBeDefined()
    put(cache, admin, 'a4')
    expect(cache.get(admin, 'a1')).toBeUndefined()
    expect(cache.sizeOf(viewer('socket-1'))).toBe(3)
  })

  it('bounds the number of viewer namespaces, dropping the least recently used, never the admin one', () => {
    const cache = new IdempotencyCache({ capacity: 4, maxViewerNamespaces: 2 })
    put(cache, admin, 'a1')
    put(cache, viewer('s1'), 'x')
    put(cache, viewer('s2'), 'x')
    cache.get(viewer('s1'), 'x')
    put(cache, viewer('s3'), 'x')
    expect(cache.namespaces()).toEqual(['admin', 'viewer:s1', 'viewer:s3'])
    for (let i = 0; i < 1000; i++) put(cache, viewer(`churn-${i}`), 'x')
    expect(cache.viewerNamespaceCount).toBe(2)
    expect(cache.get(admin, 'a1')).toBeDefined()
    expect(cache.size).toBe(3)
  })

  it('bounds the entries of all viewers together, taking from the least recently used viewer', () => {
    const cache = new IdempotencyCache({ capacity: 4, viewerEntryBudget: 6 })
    for (const id of ['1', '2', '3', '4']) put(cache, viewer('s1'), id)
    for (const id of ['1', '2', '3']) put(cache, viewer('s2'), id)
    expect(cache.sizeOf(viewer('s1'))).toBe(3)
    expect(cache.get(viewer('s1'), '1')).toBeUndefined()
    for (const id of ['4', '5', '6', '7']) put(cache, viewer('s2'), id)
    expect(cache.namespaces()).toEqual(['viewer:s1', 'viewer:s2'])
    expect(cache.size).toBe(6)
    for (let i = 0; i < 100; i++) put(cache, admin, `a${i}`)
    expect(cache.size).toBe(10)
  })

  it('keeps the admin namespace through a crowd of viewer sessions on the router', () => {
    const t = consoleTown()
    const admin = session(t, 'window-1', 'admin')
    expect(admin('set_wallet', { agent: 'bob', value: 5 }, 'w-1').status).toBe('queued')
    t.sim.step()
    // More sessions than namespaces kept, more entries than the viewer budget.
    for (let s = 0; s < 300; s++) {
      const viewer = session(t, `socket-${s}`, 'viewer')
      for (let i = 0; i < 15; i++) viewer('debug_queues', {}, `d-${i}`)
    }
    const cache = t.router.idempotency
    expect(cache.viewerNamespaceCount).toBeLessThanOrEqual(cache.maxViewerNamespaces)
    expect(cache.size).toBeLessThanOrEqual(cache.capacity + cache.viewerEntryBudget)
    expect(admin('set_wallet', { agent: 'bob', value: 5 }, 'w-1')).toMatchObject({ status: 'ok', replayed: true })
  })
})

describe('finding 6: any interleaving of viewers and admins (property)', () => {
  const COMMANDS = [
    { name: 'help', args: {} },
    { name: 'telemetry_snapshot', args: {} },
    { name: 'price', args: PRICE_ADD_1 },
    { name: 'set_wallet', args: { agent: 'bob', value: 5 } },
    { name: 'setneed', args: { agent: 'alice', need: 'hunger', value: 0.3 } }
  ] as const
  const ISSUERS = [
    ['window-1', 'admin'],
    ['socket-7', 'admin'],
    ['socket-1', 'viewer'],
    ['socket-2', 'viewer']
  ] as const
  const step = fc.constant({ kind: 'step' as const })
  const submit = fc.record({ kind: fc.constant('submit' as const), who: fc.nat(ISSUERS.length - 1), command: fc.nat(COMMANDS.length - 1), cmdId: fc.constantFrom('a', 'b', 'c', 'd') })

  it('applies an admin cmd_id at most once and answers an admin retry from the admin first result', () => {
    const adminCommand = new Set(COMMANDS.filter((c) => defaultCommandRegistry().get(c.name)!.role === 'admin').map((c) => c.name))
    fc.assert(
      fc.property(fc.array(fc.oneof(submit, step), { maxLength: 40 }), (actions) => {
        const t = consoleTown()
        /** namespace → cmd_id → the first answer and which command it was. */
        const firsts = new Map<string, Map<string, { command: number; answer: ConsoleResult }>>()
        let pricesApplied = 0
        for (const action of actions) {
          if (action.kind === 'step') {
            t.sim.step()
            continue
          }
          const [issuer, role] = ISSUERS[action.who]!
          const { name, args } = COMMANDS[action.command]!
          const reply = session(t, issuer, role)(name, args, action.cmdId)
          if (role === 'viewer' && adminCommand.has(name)) {
            expect(reply.error?.code).toBe('console.forbidden')
            continue
          }
          const namespace = role === 'admin' ? 'admin' : `viewer:${issuer}`
          const seen = firsts.get(namespace) ?? new Map<string, { command: number; answer: ConsoleResult }>()
          firsts.set(namespace, seen)
          const first = seen.get(action.cmdId)
          if (!first) {
            expect(reply.replayed).toBe(false)
            expect(reply.status).not.toBe('error')
            seen.set(action.cmdId, { command: action.command, answer: reply })
            if (name === 'price') pricesApplied++
          } else if (first.command !== action.command) {
            expect(reply.error?.code).toBe('console.cmd_id_conflict')
          } else {
            // From this namespace's own first answer: its final result once applied, else the answer itself.
            const final = role === 'admin' ? t.finals.find((r) => r.cmd_id === action.cmdId) : undefined
            const { issuer: _i, role: _r, replayed: _p, ...own } = final ?? first.answer
            expect(reply).toEqual({ ...own, issuer, role, replayed: true })
          }
        }
        t.sim.step()
        for (const cmdId of firsts.get('admin')?.keys() ?? []) expect(t.finals.filter((r) => r.cmd_id === cmdId).length).toBeLessThanOrEqual(1)
        expect(mealCost(t)).toBeCloseTo(0.4 + pricesApplied)
      })
    )
  })
})
