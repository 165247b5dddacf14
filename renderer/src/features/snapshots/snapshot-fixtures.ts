/**
 * Hand-built snapshot and timeline DTOs for the renderer's tests, and a fake `SnapshotInvoke`
 * that answers from per-channel handlers and records every call.
 */
import type { MigrationPreview, SnapshotDiffDto, SnapshotEntry, SnapshotInspection, SnapshotVerdict } from '../../../../shared/contract/dto/snapshots'
import type { TimelineFrame, TimelineStatus } from '../../../../shared/contract/dto/timeline'
import { err } from '../../../../shared/result'
import type { Result } from '../../../../shared/result'
import { sampleObserverFull } from '../../../../shared/testing/contract-samples'
import type { SnapshotChannel, SnapshotChannels, SnapshotInvoke } from './snapshot-api'

export function sampleEntry(overrides: Partial<SnapshotEntry> = {}): SnapshotEntry {
  return {
    name: 'snapshot-1200-ab12cd.json',
    tick: 1200,
    config_id: 'town-v2',
    policy_hash: 'f00dfeedbeefcafe0123456789abcdef',
    schema_version: '2.0',
    bytes: 48_128,
    modified_ms: 1_700_000_000_000,
    gzip: false,
    autosave: false,
    kind: 'snapshot',
    integrity: { ok: true },
    ...overrides
  }
}

export function sampleInspection(entry = sampleEntry()): SnapshotInspection {
  return {
    entry,
    identity: {
      config_id: 'town-v2',
      policy_hash: entry.policy_hash,
      backend: 'scripted',
      provider: null,
      observation_variant: 'full',
      anneal_ratio: 0.25,
      rng: { world: 'a1b2c3d4', events: 'e5f6a7b8', policy: 'c9d0e1f2' }
    },
    checksum: '0123456789abcdef0123456789abcdef',
    migrations: [{ id: 'town-v1@2.0->town-v2@2.0', from: 'town-v1', to: 'town-v2', description: 'adds the stove queue' }],
    counts: { agents: 12, objects: 30, ties: 44 }
  }
}

export function sampleVerdict(overrides: Partial<SnapshotVerdict> = {}): SnapshotVerdict {
  return { verdict: 'refused', reasons: [{ code: 'snapshot.config_mismatch', message: 'written for town-v1, running town-v2' }], required_migrations: ['town-v1->town-v2'], ...overrides }
}

export function sampleDiff(a = 'a.json', b = 'b.json'): SnapshotDiffDto {
  return {
    a,
    b,
    sections: [
      { section: 'agents', added: 1, changed: 2, dropped: 0, examples: [{ kind: 'changed', path: 'agents.alice.wallet', before: '3.5', after: '4' }] },
      { section: 'economy', added: 0, changed: 0, dropped: 0, examples: [] },
      { section: 'lifecycle', added: 0, changed: 1, dropped: 0, examples: [{ kind: 'changed', path: 'lifecycle.exits_today', before: '0', after: '1' }] }
    ]
  }
}

export function samplePreview(overrides: Partial<MigrationPreview> = {}): MigrationPreview {
  return {
    source: 'old-town.json',
    target_config_id: 'town-v2',
    chain: [{ id: 'legacy-1.x', description: 'imports a document of the original Python shards', from: 'legacy', to: 'town-v2' }],
    diff: sampleDiff('old-town.json', 'old-town (migrated)'),
    report: [
      { kind: 'mapped', field: 'agents.needs', count: 12, note: 'copied' },
      { kind: 'dropped', field: 'rng_state', count: 1, note: 'Python RNG state cannot carry over: reseeded from the config' }
    ],
    ...overrides
  }
}

export function sampleTimeline(overrides: Partial<TimelineStatus> = {}): TimelineStatus {
  return {
    earliest_tick: 0,
    live_tick: 1000,
    keyframe_every: 100,
    keyframes: 10,
    bytes: 2_097_152,
    byte_budget: 67_108_864,
    branches: [
      { id: 'main', label: 'main', from_tick: 0, to_tick: 1000, current: true },
      { id: 'b1', label: 'before fork at 400', from_tick: 400, to_tick: 700, current: false }
    ],
    marks: [
      { tick: 250, kind: 'alert', label: 'starvation' },
      { tick: 400, kind: 'fork', label: 'fork' },
      { tick: 600, kind: 'bookmark', label: 'lunch rush' }
    ],
    ...overrides
  }
}

export function sampleTimelineFrame(tick: number): TimelineFrame {
  return { tick, hash: `hash-${tick}`, frame: { ...sampleObserverFull(tick), tick }, events: { eat: 2, work: 1 } }
}

type Handler<K extends SnapshotChannel> = (req: SnapshotChannels[K]['req']) => Result<SnapshotChannels[K]['res']> | Promise<Result<SnapshotChannels[K]['res']>>
export type FakeHandlers = { [K in SnapshotChannel]?: Handler<K> }

/** A fake invoke: answers from `handlers` (an error for a channel without one) and records calls. */
export function fakeInvoke(handlers: FakeHandlers = {}): SnapshotInvoke & { calls: Array<{ channel: SnapshotChannel; req: unknown }> } {
  const calls: Array<{ channel: SnapshotChannel; req: unknown }> = []
  const invoke = (<K extends SnapshotChannel>(channel: K, req: SnapshotChannels[K]['req']) => {
    calls.push({ channel, req })
    const handler = handlers[channel] as Handler<K> | undefined
    return Promise.resolve(handler ? handler(req) : err('internal.error', `no fake handler for ${channel}`))
  }) as SnapshotInvoke & { calls: typeof calls }
  invoke.calls = calls
  return invoke
}
