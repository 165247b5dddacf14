import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import { Phase } from '../../sim/state/agent-store'
import { adjustTie } from '../../sim/society/tie-ledger'
import { syncAgents } from '../../sim/society/sync-agents'
import type { World } from '../../sim/state/world'
import { tick } from '../../sim/tick'
import { decideScripted } from '../scripted/scripted-controller'
import { atDecisionPoint, decisionFor, optionMask } from '.'
import { PARTNER_RADIUS, partnerCandidate, findPartner } from './partner'
import { optionsTown } from './testing/options-town'

/** A town run a while under the scripted controller, with some needs and ties stirred up. */
const worlds = fc.record({
  seed: fc.integer({ min: 1, max: 1000 }),
  population: fc.integer({ min: 2, max: 12 }),
  ticks: fc.integer({ min: 0, max: 160 }),
  chat: fc.boolean(),
  ties: fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 12 }),
  needs: fc.array(fc.tuple(fc.nat(11), fc.constantFrom('hunger' as const, 'hygiene' as const, 'energy' as const), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 8 })
})

type WorldSpec = typeof worlds extends fc.Arbitrary<infer T> ? T : never

function build(w: WorldSpec): World {
  const world = optionsTown({ seed: w.seed, population: w.population, society: w.chat ? '{}' : '{ chat: { enabled: false } }' })
  syncAgents(world)
  const n = world.state.agents.count
  for (const [i, j, trust, rivalry] of w.ties) if (i % n !== j % n) adjustTie(world, i % n, j % n, { trust, rivalry })
  for (let t = 0; t < w.ticks; t++) {
    const console = t === 3 ? w.needs.map(([i, need, value]) => ({ op: 'set_need' as const, agent: i % n, need, value })) : []
    tick(world, { decisions: decideScripted(world), console })
  }
  return world
}

describe('options: masks and primitives', () => {
  it('a mask allows an option exactly when its primitive has a decision for it', () => {
    fc.assert(
      fc.property(worlds, (w) => {
        const world = build(w)
        const mask = new Uint8Array(AGENT_OPTIONS.length)
        for (let i = 0; i < world.state.agents.count; i++) {
          optionMask(world, i, mask)
          expect(mask[0]).toBe(1)
          AGENT_OPTIONS.forEach((option, o) => {
            const d = decisionFor(world, i, option)
            expect(mask[o] === 1, `${option} for ${i}`).toBe(d !== null)
            if (d) expect(d).toMatchObject({ agent: i, option })
          })
        }
      }),
      { numRuns: 40 }
    )
  })

  it('the partner is the best-liked, then nearest, then lowest-slot candidate within the radius', () => {
    fc.assert(
      fc.property(worlds, (w) => {
        const world = build(w)
        const a = world.state.agents.cols
        const ties = world.state.society.ties
        for (let i = 0; i < world.state.agents.count; i++) {
          let best = -1
          let key: [number, number, number] = [Infinity, Infinity, Infinity]
          for (let j = 0; j < world.state.agents.count; j++) {
            const d = Math.abs(a.x[i]! - a.x[j]!) + Math.abs(a.y[i]! - a.y[j]!)
            if (d > PARTNER_RADIUS || !partnerCandidate(world, i, j)) continue
            const ledger = ties[i] ?? []
            let score = 0
            for (let k = 0; k < ledger.length; k += 4) if (ledger[k] === j) score = ledger[k + 1]! + ledger[k + 2]! - ledger[k + 3]!
            const mine: [number, number, number] = [-score, d, j]
            if (mine[0] < key[0] || (mine[0] === key[0] && (mine[1] < key[1] || (mine[1] === key[1] && mine[2] < key[2])))) {
              best = j
              key = mine
            }
          }
          expect(findPartner(world, i), `partner of ${i}`).toBe(best)
        }
      }),
      { numRuns: 30 }
    )
  })

  it('a possessed, dead or busy agent is at no decision point; an idle one always is', () => {
    const world = optionsTown()
    tick(world, { decisions: decideScripted(world), console: [] })
    expect(atDecisionPoint(world, 0)).toBe(true)
    world.state.agents.cols.possessed[0] = 1
    expect(atDecisionPoint(world, 0)).toBe(false)
    world.state.agents.cols.possessed[0] = 0
    world.state.agents.cols.phase[0] = Phase.using
    expect(atDecisionPoint(world, 0)).toBe(false)
    world.state.agents.cols.phase[0] = Phase.done
    world.state.agents.cols.alive[0] = 0
    expect(atDecisionPoint(world, 0)).toBe(false)
  })

  it('socialise is masked out when chat is disabled or the agent is on its chat cooldown', () => {
    const quiet = optionsTown({ society: '{ chat: { enabled: false } }' })
    syncAgents(quiet)
    expect(decisionFor(quiet, 0, 'socialise')).toBeNull()
    const world = optionsTown()
    syncAgents(world)
    expect(decisionFor(world, 0, 'socialise')).toMatchObject({ option: 'socialise', partner: expect.any(Number) })
    world.state.society.chatReadyAt[0] = world.state.tick + 10
    expect(decisionFor(world, 0, 'socialise')).toBeNull()
  })
})
