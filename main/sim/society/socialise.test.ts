import { describe, expect, it } from 'vitest'
import type { ConsoleOp, Decision } from '../inputs'
import { OPTION_INDEX, Phase } from '../state/agent-store'
import type { SimEvent, World } from '../state/world'
import { tick } from '../tick'
import { societyTown } from './testing/society-town'
import { adjustTie } from './tie-ledger'
import { SOCIALISE_GIVE_UP_TICKS } from './socialise-pass'

/** Two agents in opposite corners of the room; chance chats off, so any chat is a sought one. */
function town(society = '{ chat: { chance: 0 } }'): World {
  const world = societyTown(2, society)
  tick(world, { decisions: [], console: [teleport(0, 1, 1), teleport(1, 8, 4)] })
  return world
}

const teleport = (agent: number, x: number, y: number): ConsoleOp => ({ op: 'teleport', agent, x, y })
const seek = (agent: number, partner: number): Decision => ({ agent, option: 'socialise', object: -1, partner })

function runUntil(world: World, done: (events: SimEvent[]) => boolean, limit = 200, first: Decision[] = []): SimEvent[] {
  const all: SimEvent[] = []
  for (let t = 0; t < limit; t++) {
    const events = tick(world, { decisions: t === 0 ? first : [], console: [] })
    all.push(...events)
    if (done(events)) break
  }
  return all
}

describe('socialise', () => {
  it('walks to beside the partner, chats with it for sure, and ends the option', () => {
    const world = town()
    const a = world.state.agents.cols
    const events = runUntil(world, (e) => e.some((x) => x.type === 'chat_success' || x.type === 'chat_failure'), 200, [seek(0, 1)])
    const chat = events.find((e) => e.type === 'chat_success' || e.type === 'chat_failure')!
    expect(chat).toMatchObject({ speaker: world.state.agents.ids[0], listener: world.state.agents.ids[1] })
    expect(Math.abs(a.x[0]! - a.x[1]!)).toBeLessThanOrEqual(1)
    expect(Math.abs(a.y[0]! - a.y[1]!)).toBeLessThanOrEqual(1)
    expect(a.option[0]).toBe(OPTION_INDEX.socialise)
    expect(a.phase[0]).toBe(Phase.done)
    expect(world.state.society.chatReadyAt[0]).toBeGreaterThan(world.state.tick)
  })

  it('fails when the partner leaves the town', () => {
    const world = town()
    tick(world, { decisions: [seek(0, 1)], console: [] })
    tick(world, { decisions: [], console: [{ op: 'kill', agent: 1 }] })
    expect(world.state.agents.cols.phase[0]).toBe(Phase.failed)
    expect(world.state.agents.failReason[0]).toBe('partner_gone')
  })

  it('refuses a partner that is dead or itself at once', () => {
    const world = town()
    tick(world, { decisions: [seek(0, 0)], console: [] })
    expect(world.state.agents.failReason[0]).toBe('partner_gone')
  })

  it('follows a partner that moved, and gives up when it never can reach it in time', () => {
    const world = town()
    const a = world.state.agents.cols
    tick(world, { decisions: [seek(0, 1)], console: [] })
    // The partner keeps hopping away from wherever the seeker is heading.
    let ended = false
    for (let t = 0; t < SOCIALISE_GIVE_UP_TICKS + 20 && !ended; t++) {
      const far = a.x[0]! < 5 ? 8 : 1
      tick(world, { decisions: [], console: t % 3 === 0 ? [teleport(1, far, a.y[0]! < 3 ? 4 : 1)] : [] })
      ended = a.phase[0] !== Phase.walking
    }
    expect(a.phase[0]).toBe(Phase.failed)
    expect(world.state.agents.failReason[0]).toBe('partner_moved')
  })

  it('does not chat with a partner who avoids it, nor when chat is disabled', () => {
    const avoided = town()
    adjustTie(avoided, 1, 0, { rivalry: 0.9 })
    runUntil(avoided, () => avoided.state.agents.cols.phase[0] !== Phase.walking, 100, [seek(0, 1)])
    expect(avoided.state.agents.failReason[0]).toBe('avoided')

    const quiet = town('{ chat: { enabled: false } }')
    const events = runUntil(quiet, () => quiet.state.agents.cols.phase[0] !== Phase.walking, 100, [seek(0, 1)])
    expect(quiet.state.agents.failReason[0]).toBe('chat_disabled')
    expect(events.some((e) => e.type === 'chat_success')).toBe(false)
  })

  it('an idle walk with a tile goes there and stands, not home', () => {
    const world = town()
    const width = world.params.map.width
    runUntil(world, () => false, 20, [{ agent: 0, option: 'idle', object: -1, tile: 3 * width + 6 }])
    expect([world.state.agents.cols.x[0], world.state.agents.cols.y[0]]).toEqual([6, 3])
    expect(world.state.agents.cols.phase[0]).toBe(Phase.walking)
  })
})
