/**
 * The session timeline through the contract, against the real host and worker: status, a past
 * frame that matches the tick it names while the live town stays put, a fork at a past tick, a
 * run on, and a reopen of the abandoned branch to its exact frame; a bookmark. Hostile inputs
 * (ticks outside the reachable range or not whole, unknown or malformed branches, absurd labels)
 * are refused with their codes and leave the town as it was; a viewer reads and only reads.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ShardStatus } from '../../shared/contract/dto/shard-status'
import type { TimelineFrame, TimelineStatus } from '../../shared/contract/dto/timeline'
import { createTestHost, okValue, type TestHost } from './test-host'

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

async function started(): Promise<TestHost> {
  host = createTestHost()
  await host.start()
  return host
}

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code)

describe('the timeline through the host and a real worker', () => {
  it('looks at a past tick, forks there, runs on, and reopens the abandoned branch exactly', async () => {
    const h = await started()
    okValue(await h.admin('shard.step', { ticks: 120 }))
    const status = okValue<TimelineStatus>(await h.call('timeline.status'))
    expect(status).toMatchObject({ earliest_tick: 0, live_tick: 120, branches: [{ current: true, to_tick: 120 }] })
    const main = status.branches[0]!
    const liveFrame = okValue<TimelineFrame>(await h.call('timeline.frame', { tick: 120 }))

    // A viewer looks at the past; the live town does not move.
    const past = okValue<TimelineFrame>(await h.callAs('viewer', 'timeline.frame', { tick: 60 }))
    expect(past).toMatchObject({ tick: 60, frame: { kind: 'full', tick: 60 } })
    expect(past.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(okValue<ShardStatus>(await h.call('shard.status')).tick).toBe(120)

    // A viewer may not change the past, nor mark it.
    for (const [channel, payload] of [
      ['timeline.fork', { tick: 60 }],
      ['timeline.reopen', { branch: main.id }],
      ['timeline.bookmark', { tick: 60, label: 'mine' }]
    ] as const) {
      expect(code(await h.callAs('viewer', channel, payload)), channel).toBe('ipc.forbidden_role')
    }

    const forked = okValue<ShardStatus>(await h.admin('timeline.fork', { tick: 60 }))
    expect(forked).toMatchObject({ state: 'paused', tick: 60 })
    expect(okValue<TimelineFrame>(await h.call('timeline.frame', { tick: 60 })).hash).toBe(past.hash)
    okValue(await h.admin('shard.step', { ticks: 30 }))
    const afterFork = okValue<TimelineStatus>(await h.call('timeline.status'))
    expect(afterFork.live_tick).toBe(90)
    expect(afterFork.branches).toHaveLength(2)
    expect(afterFork.marks).toContainEqual({ tick: 60, kind: 'fork', label: 'fork at 60' })
    const forkTip = okValue<TimelineFrame>(await h.call('timeline.frame', { tick: 90 }))

    const reopened = okValue<ShardStatus>(await h.admin('timeline.reopen', { branch: main.id }))
    expect(reopened).toMatchObject({ state: 'paused', tick: 120 })
    expect(okValue<TimelineFrame>(await h.call('timeline.frame', { tick: 120 })).hash).toBe(liveFrame.hash)
    const fork = okValue<TimelineStatus>(await h.call('timeline.status')).branches.find((b) => !b.current)!
    expect(fork).toMatchObject({ from_tick: 60, to_tick: 90 })
    okValue(await h.admin('timeline.reopen', { branch: fork.id }))
    expect(okValue<TimelineFrame>(await h.call('timeline.frame', { tick: 90 })).hash).toBe(forkTip.hash)

    const marked = okValue<TimelineStatus>(await h.admin('timeline.bookmark', { tick: 70, label: 'after the fork' }))
    expect(marked.marks).toContainEqual({ tick: 70, kind: 'bookmark', label: 'after the fork' })
  }, 60_000)

  it('refuses hostile ticks, branches and labels with their codes, and the town stays as it was', async () => {
    const h = await started()
    okValue(await h.admin('shard.step', { ticks: 20 }))
    const before = okValue<ShardStatus>(await h.call('shard.status'))
    // Outside the reachable ticks: the timeline's own refusal, which names the range.
    for (const tick of [21, 10_000]) {
      const frame = await h.call('timeline.frame', { tick })
      expect(code(frame)).toBe('timeline.unreachable')
      expect(code(await h.admin('timeline.fork', { tick }))).toBe('timeline.unreachable')
    }
    // Not a tick at all: refused at the contract.
    for (const tick of [-1, 1.5, 2 ** 60, '5', null]) {
      expect(code(await h.call('timeline.frame', { tick })), String(tick)).toBe('ipc.invalid_payload')
      expect(code(await h.admin('timeline.fork', { tick })), String(tick)).toBe('ipc.invalid_payload')
    }
    expect(code(await h.admin('timeline.reopen', { branch: 'b999' }))).toBe('timeline.unknown_branch')
    for (const branch of ['', '../b1', 'x'.repeat(65), 'b1\n', 7]) expect(code(await h.admin('timeline.reopen', { branch })), String(branch)).toBe('ipc.invalid_payload')
    const current = okValue<TimelineStatus>(await h.call('timeline.status')).branches[0]!
    expect(code(await h.admin('timeline.reopen', { branch: current.id }))).toBe('timeline.unknown_branch')
    expect(code(await h.admin('timeline.bookmark', { tick: 5, label: 'x'.repeat(201) }))).toBe('ipc.invalid_payload')
    expect(code(await h.admin('timeline.bookmark', { tick: 5, label: 'x'.repeat(1_000_000) }))).toBe('ipc.invalid_payload')
    expect(code(await h.admin('timeline.bookmark', { tick: 21, label: 'later' }))).toBe('timeline.unreachable')
    expect(code(await h.call('timeline.status', { extra: true }))).toBe('ipc.invalid_payload')
    const after = okValue<ShardStatus>(await h.call('shard.status'))
    expect(after).toMatchObject({ tick: before.tick, state: before.state })
    expect(okValue<TimelineStatus>(await h.call('timeline.status')).branches).toHaveLength(1)
  }, 60_000)

  it('lets one client wait for one past frame at a time', async () => {
    const h = await started()
    okValue(await h.admin('shard.step', { ticks: 150 }))
    const [first, second] = await Promise.all([h.callAs('viewer', 'timeline.frame', { tick: 149 }), h.callAs('viewer', 'timeline.frame', { tick: 148 })])
    expect(code(first)).toBe('ok')
    expect(second.ok ? 'ok' : second.error).toMatchObject({ code: 'ipc.busy' })
    // Another client is not held up by this one, and the first may ask again once answered.
    const [mine, theirs] = await Promise.all([h.callAs('viewer', 'timeline.frame', { tick: 148 }), h.callAs('other', 'timeline.frame', { tick: 101 })])
    expect([code(mine), code(theirs)]).toEqual(['ok', 'ok'])
  }, 60_000)
})
