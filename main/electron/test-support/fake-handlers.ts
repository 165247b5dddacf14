/**
 * Simple handlers for every invoke channel, valid against the contract, so tests can run the
 * real registry. Each records the channels it was called on in `calls`.
 */
import {
  sampleAgentDetail,
  sampleConfig,
  sampleConsoleResult,
  sampleDecisionTrace,
  sampleObserverFull,
  samplePolicyStatus,
  sampleMigrationPreview,
  sampleSession,
  sampleSnapshotDiff,
  sampleSnapshotEntry,
  sampleSnapshotInspection,
  sampleSnapshotList,
  sampleSnapshotVerdict,
  sampleStatus,
  sampleTimelineFrame,
  sampleTimelineStatus
} from '../../../shared/testing/contract-samples'
import { SESSION_HISTORY_SCHEMA_VERSION } from '../../../shared/contract/dto/session-history'
import { idleTelemetryStatus } from '../../../shared/contract/dto/telemetry'
import type { CallContext, Handlers } from '../../host/registry'

export const fakeStatus = sampleStatus({ state: 'paused' })

/** Handlers for all channels plus the log of what was called, with which request and context. */
export function fakeHandlers(): { handlers: Handlers; calls: Array<{ channel: string; req: unknown; ctx: CallContext }> } {
  const calls: Array<{ channel: string; req: unknown; ctx: CallContext }> = []
  const rec =
    <T>(channel: string, value: T) =>
    (req: unknown, ctx: CallContext): T => {
      calls.push({ channel, req, ctx })
      return value
    }
  const handlers: Handlers = {
    'app.info': rec('app.info', { mode: 'electron', version: '1.0.0', can_pick_file: true, test_hooks: false, configs_dir: '/configs' }),
    'shard.status': rec('shard.status', fakeStatus),
    'session.history': rec('session.history', { schema_version: SESSION_HISTORY_SCHEMA_VERSION, now: 0, frame: null, log: [], tps: [], needs: [], kpis: [] }),
    'shard.start': rec('shard.start', fakeStatus),
    'shard.pause': rec('shard.pause', fakeStatus),
    'shard.resume': rec('shard.resume', fakeStatus),
    'shard.step': rec('shard.step', { ...fakeStatus, stepped: { requested: 10, done: 10 } }),
    'shard.set-speed': rec('shard.set-speed', fakeStatus),
    'shard.restart': rec('shard.restart', fakeStatus),
    'config.load': rec('config.load', sampleConfig),
    'config.list': rec('config.list', []),
    'config.pick': rec('config.pick', { path: null }),
    'console.run': rec('console.run', sampleConsoleResult()),
    'observer.next': rec('observer.next', { frame: null }),
    'console.session': rec('console.session', sampleSession),
    'console.auth': rec('console.auth', sampleSession),
    'console.commands': rec('console.commands', []),
    'observer.full': rec('observer.full', sampleObserverFull()),
    'observer.agent': rec('observer.agent', sampleAgentDetail()),
    'policy.status': rec('policy.status', samplePolicyStatus()),
    'policy.trace': rec('policy.trace', sampleDecisionTrace()),
    'snapshot.list': rec('snapshot.list', sampleSnapshotList()),
    'snapshot.save': rec('snapshot.save', sampleSnapshotEntry()),
    'snapshot.inspect': rec('snapshot.inspect', sampleSnapshotInspection()),
    'snapshot.validate': rec('snapshot.validate', sampleSnapshotVerdict()),
    'snapshot.migrate-preview': rec('snapshot.migrate-preview', sampleMigrationPreview()),
    'snapshot.migrate': rec('snapshot.migrate', sampleSnapshotEntry()),
    'snapshot.load': rec('snapshot.load', fakeStatus),
    'snapshot.diff': rec('snapshot.diff', sampleSnapshotDiff()),
    'history.runs': rec('history.runs', { file: null, runs: [] }),
    'history.run': rec('history.run', {
      run: { id: 1, started_ms: 0, ended_ms: 1, config_id: 'default', config_sha256: '0'.repeat(64), seed: 1, agents: 8, policy: samplePolicyStatus().identity, start_tick: 0, ticks: 10, status: 'completed' as const, windows: 0, episodes: 0, dropped: { windows: 0, episodes: 0 } },
      windows: [],
      episodes: []
    }),
    'telemetry.status': rec('telemetry.status', idleTelemetryStatus()),
    'timeline.status': rec('timeline.status', sampleTimelineStatus()),
    'timeline.frame': rec('timeline.frame', sampleTimelineFrame()),
    'timeline.fork': rec('timeline.fork', fakeStatus),
    'timeline.reopen': rec('timeline.reopen', fakeStatus),
    'timeline.bookmark': rec('timeline.bookmark', sampleTimelineStatus()),
    'debug.crash-worker': rec('debug.crash-worker', { crashing: true as const })
  }
  return { handlers, calls }
}
