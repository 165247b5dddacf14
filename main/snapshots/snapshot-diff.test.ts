/**
 * The structured diff on real towns: nothing between a document and itself; agents and objects
 * matched by id (added, changed, dropped, with the changed field named); economy and other
 * sections leaf by leaf; examples bounded however much differs.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { diffDocuments, diffTotals, diffWorlds } from './snapshot-diff'
import type { SnapshotDocument } from './snapshot-document'
import { copy, realDocument, type Loose } from './testing/snapshot-fixtures'

let early: SnapshotDocument
let later: SnapshotDocument
beforeAll(async () => {
  early = await realDocument('default.yaml', 10)
  later = await realDocument('default.yaml', 200)
})

const section = (sections: ReturnType<typeof diffWorlds>, name: string) => sections.find((s) => s.section === name)!

describe('snapshot diff', () => {
  it('finds nothing between a document and itself', () => {
    const sections = diffDocuments(early, copy(early))
    expect(diffTotals(sections)).toEqual({ added: 0, changed: 0, dropped: 0 })
    expect(sections.map((s) => s.section)).toEqual(['identity', 'agents', 'objects', 'economy', 'relationships', 'lifecycle', 'perturbations', 'other', 'runtime'])
  })

  it('matches agents by id: a reordered list is no change, an edit names the agent and field', () => {
    const a = copy(early.state.world) as Loose
    const b = copy(a)
    const n = b.agents.ids.length as number
    const perm = [...Array(n).keys()].reverse()
    const reorder = (list: unknown[]) => perm.map((i) => list[i])
    b.agents.ids = reorder(b.agents.ids)
    for (const k of Object.keys(b.agents.columns)) b.agents.columns[k] = reorder(b.agents.columns[k])
    for (const k of ['paths', 'fail_reason', 'attendance_samples']) if (Array.isArray(b.agents[k])) b.agents[k] = reorder(b.agents[k])
    expect(section(diffWorlds(a, b), 'agents')).toMatchObject({ added: 0, changed: 0, dropped: 0 })

    const c = copy(a)
    c.agents.columns.wallet[0] = 42
    const agents = section(diffWorlds(a, c), 'agents')
    expect(agents).toMatchObject({ changed: 1, examples: [{ kind: 'changed', path: `agents.${a.agents.ids[0]}.wallet`, after: '42' }] })
  })

  it('counts agents added and dropped', () => {
    const a = copy(early.state.world) as Loose
    const b = copy(a)
    b.agents.ids[1] = 'newcomer'
    const agents = section(diffWorlds(a, b), 'agents')
    expect(agents).toMatchObject({ added: 1, dropped: 1, changed: 0 })
    expect(agents.examples.map((e) => `${e.kind} ${e.path}`)).toEqual([`dropped agents.${a.agents.ids[1]}`, 'added agents.newcomer'])
  })

  it('compares economy, objects and the rest between two ticks of a real town, examples bounded', () => {
    const sections = diffDocuments(early, later)
    const identity = section(sections, 'identity')
    expect(identity.examples.map((e) => e.path)).toContain('tick')
    expect(section(sections, 'agents').changed).toBeGreaterThan(0)
    for (const s of sections) expect(s.examples.length).toBeLessThanOrEqual(5)
    const b = copy(early.state.world) as Loose
    b.prices.meal_cost = 9
    b.utilities.power = false
    b.brand_new_block = { x: 1 }
    const diff = diffWorlds(early.state.world, b)
    expect(section(diff, 'economy')).toMatchObject({ changed: 2 })
    expect(section(diff, 'other')).toMatchObject({ added: 1, examples: [{ kind: 'added', path: 'brand_new_block', before: null, after: '{"x":1}' }] })
  })

  it('bounds what it quotes', () => {
    const b = copy(early.state.world) as Loose
    b.prices.meal_cost = 'x'.repeat(10_000)
    const ex = section(diffWorlds(early.state.world, b), 'economy').examples[0]!
    expect(ex.after!.length).toBeLessThan(100)
  })
})
