import { describe, expect, it } from 'vitest'
import { sampleObserverFull, sampleStatus } from '../../../../shared/testing/contract-samples'
import { err, ok } from '../../../../shared/result'
import type { Result } from '../../../../shared/result'
import type { SnapshotInspection } from '../../../../shared/contract/dto/snapshots'
import { createStores } from '../../stores/stores'
import { createSnapshotCommands } from './snapshot-commands'
import { fakeInvoke, sampleDiff, sampleEntry, sampleInspection, sampleTimelineFrame } from './snapshot-fixtures'

const list = (...names: string[]) => ({ root: 'snapshots', snapshots: names.map((name) => sampleEntry({ name })) })
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('snapshot commands', () => {
  it('reads the list into the store, and its error with the code', async () => {
    const stores = createStores()
    const good = createSnapshotCommands(fakeInvoke({ 'snapshot.list': () => ok(list('a.json')) }), stores)
    expect(await good.listSnapshots()).toBe(true)
    expect(stores.snapshots.getState().list?.snapshots.map((e) => e.name)).toEqual(['a.json'])
    const bad = createSnapshotCommands(fakeInvoke({ 'snapshot.list': () => err('snapshot.outside_workspace', 'root is outside') }), stores)
    expect(await bad.listSnapshots()).toBe(false)
    expect(stores.snapshots.getState().listError?.code).toBe('snapshot.outside_workspace')
  })

  it('inspects on select, and drops a reply for a snapshot no longer selected', async () => {
    const stores = createStores()
    const answers: Array<(r: Result<SnapshotInspection>) => void> = []
    const invoke = fakeInvoke({ 'snapshot.inspect': () => new Promise((resolve) => answers.push(resolve)) })
    const commands = createSnapshotCommands(invoke, stores)
    void commands.selectSnapshot('a.json')
    expect(stores.snapshots.getState().inspection.state).toBe('loading')
    void commands.selectSnapshot('b.json')
    answers[0]?.(ok(sampleInspection(sampleEntry({ name: 'a.json' }))))
    await flush()
    expect(stores.snapshots.getState().inspection.state).toBe('loading')
    answers[1]?.(ok(sampleInspection(sampleEntry({ name: 'b.json' }))))
    await flush()
    const shown = stores.snapshots.getState().inspection
    expect(shown.state === 'ok' && shown.value.entry.name).toBe('b.json')
    expect(invoke.calls.map((c) => c.req)).toEqual([{ name: 'a.json' }, { name: 'b.json' }])
  })

  it('validates strictly when asked, and diffs the selection against another', async () => {
    const stores = createStores()
    const invoke = fakeInvoke({
      'snapshot.inspect': () => ok(sampleInspection()),
      'snapshot.validate': () => ok({ verdict: 'ok', reasons: [], required_migrations: [] }),
      'snapshot.diff': (req) => ok(sampleDiff(req.a, req.b))
    })
    const commands = createSnapshotCommands(invoke, stores)
    await commands.selectSnapshot('a.json')
    await commands.validateSnapshot('a.json', true)
    await commands.diffSnapshots('b.json')
    expect(stores.snapshots.getState().verdict).toEqual({ state: 'ok', value: { verdict: 'ok', reasons: [], required_migrations: [] } })
    expect(stores.snapshots.getState().diff.state).toBe('ok')
    expect(invoke.calls.slice(1).map((c) => [c.channel, c.req])).toEqual([
      ['snapshot.validate', { name: 'a.json', strict: true }],
      ['snapshot.diff', { a: 'a.json', b: 'b.json' }]
    ])
  })

  it('saves with gzip and a label, says so, and reads the list again', async () => {
    const stores = createStores()
    const invoke = fakeInvoke({ 'snapshot.save': () => ok(sampleEntry({ name: 'snap-lunch.json.gz', gzip: true })), 'snapshot.list': () => ok(list('snap-lunch.json.gz')) })
    const commands = createSnapshotCommands(invoke, stores)
    await commands.saveSnapshot({ gzip: true, label: 'lunch' })
    await flush()
    expect(invoke.calls.map((c) => [c.channel, c.req])).toEqual([
      ['snapshot.save', { gzip: true, label: 'lunch' }],
      ['snapshot.list', {}]
    ])
    expect(stores.snapshots.getState().outcome).toEqual({ state: 'ok', value: 'Saved snap-lunch.json.gz' })
  })

  it('a load brings the new status, a fresh observer stream and the live view; a failed one only its error', async () => {
    const stores = createStores()
    stores.observer.getState().receive(sampleObserverFull(3), 0)
    stores.timeline.getState().seek(5)
    stores.timeline.getState().showFrame(sampleTimelineFrame(5), 0)
    const loaded = createSnapshotCommands(fakeInvoke({ 'snapshot.load': () => ok(sampleStatus({ state: 'paused', tick: 1200 })), 'snapshot.list': () => ok(list('a.json')) }), stores)
    expect((await loaded.loadSnapshot('a.json')).ok).toBe(true)
    expect(stores.shard.getState().status?.tick).toBe(1200)
    expect(stores.observer.getState().stale).toBe(true)
    expect(stores.timeline.getState().mode).toBe('live')
    expect(stores.snapshots.getState().outcome).toEqual({ state: 'ok', value: 'Loaded a.json: the shard is paused at tick 1,200' })

    const failed = createSnapshotCommands(fakeInvoke({ 'snapshot.load': () => err('snapshot.config_mismatch', 'written for town-v1') }), stores)
    await failed.loadSnapshot('a.json')
    expect(stores.shard.getState().status?.tick).toBe(1200)
    const outcome = stores.snapshots.getState().outcome
    expect(outcome.state === 'error' && outcome.error.code).toBe('snapshot.config_mismatch')
  })

  it('a migration selects the new file and inspects it', async () => {
    const stores = createStores()
    const invoke = fakeInvoke({
      'snapshot.migrate': () => ok(sampleEntry({ name: 'old-town.town-v2.json' })),
      'snapshot.list': () => ok(list('old-town.json', 'old-town.town-v2.json')),
      'snapshot.inspect': (req) => ok(sampleInspection(sampleEntry({ name: req.name })))
    })
    const commands = createSnapshotCommands(invoke, stores)
    await commands.migrateSnapshot('old-town.json')
    await flush()
    expect(stores.snapshots.getState().selected).toBe('old-town.town-v2.json')
    expect(invoke.calls.map((c) => c.channel)).toEqual(['snapshot.migrate', 'snapshot.list', 'snapshot.inspect'])
  })
})
