/**
 * One handler per invoke channel of the contract. Each is a thin adapter from a parsed request to
 * a host service; the registry does the parsing, validation and error envelopes.
 */
import { listConfigFiles } from './config-files'
import { HostError } from './host-error'
import type { Handlers } from './registry'
import type { ShardService } from './shard-service'
import type { ConsoleService } from './console-service'
import { listPolicyModels } from './policy-models'
import type { Workspace } from '../fs/workspace'
import type { ConfigValidator } from './config-validator'
import type { HistoryRecorder } from './history-recorder'
import { hostHistoryRun, hostHistoryRuns } from '../history/host-history'
import type { Result } from '../../shared/result'
import type { TelemetryHost } from './telemetry-host'
import { idleTelemetryStatus } from '../../shared/contract/dto/telemetry'

export interface HandlerDeps {
  shard: ShardService
  mode: 'electron' | 'browser'
  version: string
  configsDir: string
  testHooks: boolean
  cwd: string
  /** Where named files may come from (see Workspace); known once the host started. */
  workspace: () => Workspace
  /** Reads and checks configs off the main thread, with a deadline. */
  validator: Pick<ConfigValidator, 'checkConfig'>
  pickFile?: () => Promise<string | null>
  console: ConsoleService
  /** What a client that joins late needs to draw what the others see (`session.history`). */
  history: Pick<HistoryRecorder, 'snapshot'>
  /** The telemetry transports' status (`telemetry.status`); a host without one streams nowhere. */
  telemetry?: Pick<TelemetryHost, 'status'>
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { shard } = deps
  return {
    'app.info': () => ({
      mode: deps.mode,
      version: deps.version,
      can_pick_file: deps.pickFile !== undefined,
      test_hooks: deps.testHooks,
      configs_dir: deps.configsDir
    }),
    'shard.status': () => shard.status(),
    'session.history': () => deps.history.snapshot(),
    'shard.start': (_req, ctx) => shard.clockCommand(ctx.session, { type: 'start' }),
    'shard.pause': (_req, ctx) => shard.clockCommand(ctx.session, { type: 'pause' }),
    'shard.resume': (_req, ctx) => shard.clockCommand(ctx.session, { type: 'resume' }),
    'shard.step': ({ ticks }) => shard.step(ticks),
    'shard.set-speed': ({ speed }, ctx) => shard.clockCommand(ctx.session, { type: 'set-speed', speed }),
    'shard.restart': ({ snapshot }) => shard.restart(snapshot),
    'config.load': async ({ path }) => {
      // Validate on the host first: a bad config never reaches the running shard. The path is
      // the client's: it resolves inside the workspace or is refused unread.
      // Checked on the validator thread: building a big town must not block the host.
      const loaded = await deps.validator.checkConfig(path, deps.cwd, deps.workspace().roots)
      if (!loaded.ok) throw new HostError(loaded.error.code, loaded.error.message, loaded.error.details)
      await shard.loadConfig(loaded.value, loaded.value.summary.source)
      return loaded.value.summary
    },
    'config.list': () => listConfigFiles(deps.configsDir),
    'config.pick': async () => {
      if (!deps.pickFile) {
        throw new HostError('app.unsupported', 'there is no native file dialog in browser mode: type a path or pick a file from the configs list')
      }
      return { path: await deps.pickFile() }
    },
    'console.run': (req, ctx) => deps.console.run(ctx, req),
    'console.session': (_req, ctx) => deps.console.session(ctx),
    'console.auth': ({ token }, ctx) => deps.console.auth(ctx, token),
    'console.commands': () => deps.console.commands(),
    'observer.full': () => shard.observerFull(),
    'observer.next': async ({ after, wait_ms }, ctx) => ({ frame: await shard.observerNext(ctx.session, after, wait_ms) }),
    'observer.agent': ({ id }) => shard.agentDetail(id),
    'policy.status': async () => {
      const [status, models] = await Promise.all([shard.policyStatus(), listPolicyModels(deps.configsDir, deps.cwd)])
      return { ...status, models }
    },
    'policy.trace': ({ id }) => shard.policyTrace(id),
    // Snapshots: names resolve inside the storage root; the worker reads and writes the files.
    'snapshot.list': () => shard.snapshot({ op: 'list' }),
    'snapshot.save': ({ gzip, label }) => shard.snapshotWrite({ op: 'save', ...(gzip === undefined ? {} : { gzip }), ...(label === undefined ? {} : { label }) }),
    'snapshot.inspect': ({ name }) => shard.snapshot({ op: 'inspect', name }),
    'snapshot.validate': ({ name, strict }) => shard.snapshot({ op: 'validate', name, ...(strict === undefined ? {} : { strict }) }),
    'snapshot.migrate-preview': ({ name }) => shard.snapshot({ op: 'migrate-preview', name }),
    'snapshot.migrate': ({ name }) => shard.snapshotWrite({ op: 'migrate', name }),
    'snapshot.load': ({ name }) => shard.snapshotLoad(name),
    'snapshot.diff': ({ a, b }) => shard.snapshot({ op: 'diff', a, b }),
    // Run history: the workspace's history.sqlite, read-only (main/history/host-history.ts).
    'history.runs': async () => unwrap(await hostHistoryRuns(deps.workspace())),
    'history.run': async ({ id }) => unwrap(await hostHistoryRun(deps.workspace(), id)),
    'telemetry.status': () => deps.telemetry?.status() ?? idleTelemetryStatus(),
    // The timeline: frames are rebuilt on the worker, one per session at a time.
    'timeline.status': () => shard.timeline({ op: 'status' }),
    'timeline.frame': ({ tick }, ctx) => shard.timelineFrame(ctx.session, tick),
    'timeline.fork': ({ tick }) => shard.timelineResume({ op: 'fork', tick }),
    'timeline.reopen': ({ branch }) => shard.timelineResume({ op: 'reopen', branch }),
    'timeline.bookmark': ({ tick, label }) => shard.timeline({ op: 'bookmark', tick, label }),
    'debug.crash-worker': async () => {
      if (!deps.testHooks) {
        throw new HostError('app.forbidden', 'test hooks are disabled; start the host with TOWNLET_TEST_HOOKS=1 to crash the worker on purpose')
      }
      await shard.command({ type: 'crash' })
      return { crashing: true as const }
    }
  }
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new HostError(result.error.code, result.error.message)
  return result.value
}
