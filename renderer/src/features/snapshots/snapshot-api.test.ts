import { describe, expect, it } from 'vitest'
import { ok } from '../../../../shared/result'
import { FakeClient } from '../../testing/fake-client'
import { onSnapshotChanged, snapshotInvoke } from './snapshot-api'
import type { SnapshotChannel } from './snapshot-api'

describe('the snapshot channels over a client', () => {
  it('answers ipc.unknown_channel for a channel the contract does not have, without reaching the transport', async () => {
    const client = new FakeClient()
    const reply = await snapshotInvoke(client)('snapshot.not-there' as SnapshotChannel, {} as never)
    expect(reply).toEqual({ ok: false, error: { code: 'ipc.unknown_channel', message: 'snapshot.not-there is not offered by this host yet' } })
    expect(client.calls).toEqual([])
  })

  it("goes through the client's typed invoke for a channel the contract has", async () => {
    const info = { mode: 'browser' as const, version: '1', can_pick_file: false, test_hooks: false, configs_dir: '/c' }
    const client = new FakeClient({ 'app.info': () => ok(info) })
    // Any contract name takes this path; the snapshot ones do once the host declares them.
    const reply = await snapshotInvoke(client)('app.info' as SnapshotChannel, {} as never)
    expect(reply).toEqual(ok(info))
    expect(client.channelsCalled()).toEqual(['app.info'])
  })

  it('listens to snapshot.changed when the contract has it, and to nothing before', () => {
    const client = new FakeClient()
    const off = onSnapshotChanged(client, () => {})
    expect(typeof off).toBe('function')
    off()
  })
})
