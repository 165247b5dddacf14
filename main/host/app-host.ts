/**
 * The host: everything behind the contract on the main-thread side. Electron and browser mode
 * each create one and bind `registry` and `events` to their transport.
 */
import type { LogEntry, LogLevel } from '../../shared/contract/dto/events'
import { describeConfigError } from '../config/describe-config-error'
import { loadEmbeddedDefault } from '../config/load-config'
import { ConfigValidator } from './config-validator'
import { createEventBus, type EventBus } from './event-bus'
import { createHandlers } from './handlers'
import { HistoryRecorder } from './history-recorder'
import { MetricsProbe, type HostMetrics } from './metrics-probe'
import { createRegistry, type Registry } from './registry'
import { ShardService } from './shard-service'
import { ConsoleService } from './console-service'
import { loadHostAdminToken } from './admin-token'
import { Workspace, type WorkspaceRoot } from '../fs/workspace'
import { TelemetryHost } from './telemetry-host'

export interface HostOptions {
  mode: 'electron' | 'browser'
  version: string
  /** Built shard worker script (out/main/shard-worker.js), passed in by each entry. */
  workerPath: string
  /** Folder listed by `config.list`. */
  configsDir: string
  /** Config to load at start; the embedded `configs/default.yaml` when absent. */
  initialConfigPath?: string
  /** Enables `debug.crash-worker`. Only e2e tests turn this on. */
  testHooks?: boolean
  /** Native open-file dialog; only Electron provides one. */
  pickFile?: () => Promise<string | null>
  /** Where host and worker log lines go besides the `log.entry` event (stderr in the CLI). */
  log?: (entry: LogEntry) => void
  /** Relative config paths resolve from here; the process's working directory by default. */
  cwd?: string
  /**
   * The folder clients may open configs, registries, models and drills from, besides the configs
   * folder (and `dataDir`): `cwd` by default. Nothing outside these roots is ever read.
   */
  workspaceDir?: string
  /** The app's own data folder (Electron's userData), a workspace root too when given. */
  dataDir?: string
  /** How long checking one config may take (building its town included) before it is stopped. */
  validationDeadlineMs?: number
  /** Environment the host reads TOWNLET_ADMIN_TOKEN from; the process's by default. */
  env?: Record<string, string | undefined>
  /**
   * Where else the admin token may come from when TOWNLET_ADMIN_TOKEN is not set: a file named at
   * start (read once), or a random token made for this run (`generate`), which `adminToken()`
   * hands to the face that shows it to its operator. Neither: every session stays a viewer.
   */
  admin?: { tokenFile?: string; generate?: boolean }
  /**
   * The console audit log (JSONL, append-only): browser mode and `townlet serve` use
   * logs/console-audit.jsonl under the working directory, Electron userData/logs. None when absent.
   */
  auditPath?: string
}

export interface AppHost {
  readonly registry: Registry
  readonly events: EventBus
  /** Spawn the worker and load the initial config. Rejects with a readable message if that config is bad. */
  start(): Promise<void>
  /** After start: where the admin token came from, and the token itself only when the host made it for this run. */
  adminToken(): { available: boolean; source: string | null; generated: string | null }
  /** Grant admin to a session the host vouches for (Electron's menu: only the person at the desk can click it). */
  grantLocalAdmin(session: string, via: string): void
  /** What `GET /metrics` reports (the policy's latency is asked of the worker, so this waits for it). */
  metrics(): Promise<HostMetrics>
  /** The config's telemetry transports, run on this thread; the browser server attaches its observers' WebSocket here. */
  readonly telemetry: TelemetryHost
  /** A client went away (a socket closed, a window was destroyed): its role and stream place are dropped. */
  sessionEnded(session: string): void
  dispose(): Promise<void>
}

export function createAppHost(options: HostOptions): AppHost {
  const cwd = options.cwd ?? process.cwd()
  // The roots every named path must lie in; resolved (links followed) once, at start.
  const roots: WorkspaceRoot[] = [
    { name: 'configs', path: options.configsDir },
    { name: 'workspace', path: options.workspaceDir ?? cwd },
    ...(options.dataDir === undefined ? [] : [{ name: 'app data', path: options.dataDir }])
  ]
  let workspace: Workspace | undefined
  const theWorkspace = (): Workspace => {
    if (!workspace) throw new Error('the host has not started yet')
    return workspace
  }
  const events = createEventBus((name, message) => options.log?.({ level: 'error', source: 'host', message: `dropped invalid '${name}' event: ${message}`, at: Date.now() }))
  const log = (level: LogLevel, source: 'host' | 'shard', message: string): void => {
    const entry: LogEntry = { level, source, message, at: Date.now() }
    options.log?.(entry)
    events.emit('log.entry', entry)
  }
  // Recent history for clients that join late: from what the bus broadcasts, and the KPIs of the
  // observer frames (which reach clients by request, not over the bus).
  const history = new HistoryRecorder()
  history.attach(events)
  const probe = new MetricsProbe()
  probe.attach(events)
  // The operator's log only: stack traces, token failures, audit write failures.
  const hostLog = (level: LogLevel, message: string): void => options.log?.({ level, source: 'host', message, at: Date.now() })
  // Configs and registries are read and checked on their own thread (the same worker script).
  // The config's telemetry transports run here, fed by the worker; file paths resolve in the workspace.
  const telemetry = new TelemetryHost({ workspace: theWorkspace, base: cwd, emit: (status) => events.emit('telemetry.transport', status) })
  const validator = new ConfigValidator({ workerPath: options.workerPath, ...(options.validationDeadlineMs === undefined ? {} : { deadlineMs: options.validationDeadlineMs }) })
  const shard = new ShardService({
    workerPath: options.workerPath,
    validator,
    events,
    log,
    hostLog,
    workspace: theWorkspace,
    workspaceBase: cwd,
    telemetry,
    onConsoleResult: (result) => operatorConsole.applied(result),
    onObserverFrame: (frame) => {
      history.recordKpis(frame.society.kpis)
      probe.recordSociety(frame.society)
    },
    onWorkerStart: () => operatorConsole.workerStarted()
  })
  const operatorConsole = new ConsoleService({
    shard,
    events,
    log,
    hostLog,
    ...(options.auditPath === undefined ? {} : { auditPath: options.auditPath })
  })
  const registry = createRegistry(
    createHandlers({
      shard,
      mode: options.mode,
      version: options.version,
      configsDir: options.configsDir,
      testHooks: options.testHooks ?? false,
      cwd,
      workspace: theWorkspace,
      validator,
      console: operatorConsole,
      history,
      telemetry,
      ...(options.pickFile ? { pickFile: options.pickFile } : {})
    }),
    {
      roleOf: (session) => operatorConsole.roleOf(session),
      // Every call, answered or refused, so the audit misses nothing at the boundary.
      onCall: (call) => operatorConsole.recordCall(call),
      onError: (channel, error) => {
        log('error', 'host', `handler '${channel}' failed inside the host (a bug); the host log has the details`)
        hostLog('error', `handler '${channel}' failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      }
    }
  )
  let admin: { available: boolean; source: string | null; generated: string | null } = { available: false, source: null, generated: null }

  return {
    registry,
    events,
    telemetry,
    adminToken: () => admin,
    grantLocalAdmin: (session, via) => void operatorConsole.grantLocal(session, via),
    async metrics() {
      // A failed or starting shard still has metrics: the status and the policy are then absent.
      const status = ((): HostMetrics['status'] => {
        try {
          return shard.status()
        } catch {
          return null
        }
      })()
      const policy = await shard.policyStatus().then(
        ({ identity, latency, decisions }) => ({ identity, latency, decisions }),
        () => null
      )
      return probe.snapshot(status, policy, telemetry.status())
    },
    sessionEnded(session) {
      shard.sessionEnded(session)
      operatorConsole.sessionEnded(session)
    },
    async start() {
      validator.warm()
      workspace = await Workspace.create(roots)
      const token = await loadHostAdminToken({ env: options.env ?? process.env, cwd, ...(options.admin?.tokenFile === undefined ? {} : { file: options.admin.tokenFile }), generate: options.admin?.generate ?? false })
      if (!token.ok) throw new Error(token.problem)
      operatorConsole.setAdminToken(token.token)
      admin = { available: token.token !== undefined, source: token.token?.source ?? null, generated: token.generated ?? null }
      let loaded = loadEmbeddedDefault()
      let file: string | undefined
      if (options.initialConfigPath) {
        const result = await validator.checkConfig(options.initialConfigPath, cwd, theWorkspace().roots)
        if (!result.ok) throw new Error(describeConfigError(result.error))
        loaded = result.value
        file = loaded.summary.source
      }
      await shard.boot(loaded, file)
      log('info', 'host', `shard started with config ${loaded.summary.config_id} (${loaded.summary.source})`)
    },
    async dispose() {
      // The worker first (no result can arrive after), then commands still queued are finalised
      // as host.shutdown, then the audit is written out and closed.
      try {
        await shard.dispose()
        await validator.dispose()
      } finally {
        operatorConsole.shutdown()
        await operatorConsole.close()
      }
    }
  }
}
