import { describe, expect, it } from 'vitest'
import { ok } from '../../../../shared/result'
import { sampleEntry } from './snapshot-fixtures'
import { FakeClient } from '../../testing/fake-client'
import { onSnapshotChanged, snapshotInvoke } from './snapshot-api'

describe('the snapshot channels over a client', () => {
  it("goes through the client's typed invoke", async () => {
    const entry = sampleEntry()
    const client = new FakeClient({ 'snapshot.save': () => ok(entry) })
    const reply = await snapshotInvoke(client)('snapshot.save', { gzip: true })
    expect(reply).toEqual(ok(entry))
    expect(client.channelsCalled()).toEqual(['snapshot.save'])
  })

  it('hears snapshot.changed until it stops listening', () => {
    const client = new FakeClient()
    const heard: string[] = []
    const off = onSnapshotChanged(client, (reason) => heard.push(reason))
    client.emit('snapshot.changed', { reason: 'saved' })
    off()
    client.emit('snapshot.changed', { reason: 'migrated' })
    expect(heard).toEqual(['saved'])
  })
})
