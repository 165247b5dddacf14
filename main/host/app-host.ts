/**
 * The host: everything behind the contract on the main-thread side. Electron and browser mode
 * each create one and bind `registry` and `events` to their transport.
 */
import type { LogEntry, LogLevel } from '../../shared/contract/dto/events'
import { describeConfigError } from '../config/describe-config-error'
import { loadConfigFile, loadEmbeddedDefault } from '../config/load-config'
import { resolveConfigPath } from './config-files'
import { createEventBus, type EventBus } from './event-bus'
import { createHandlers } from './handlers'
import { createRegistry, type Registry } from './registry'
import { ShardService } from './shard-service'
import { ConsoleService } from './console-service'

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
  /** Environment the host reads TOWNLET_ADMIN_TOKEN from; the process's by default. */
  env?: Record<string, string | undefined>
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
  dispose(): Promise<void>
}

export function createAppHost(options: HostOptions): AppHost {
  const cwd = options.cwd ?? process.cwd()
  const events = createEventBus((name, message) => options.log?.({ level: 'error', source: 'host', message: `dropped invalid '${name}' event: ${message}`, at: Date.now() }))
  const log = (level: LogLevel, source: 'host' | 'shard', message: string): void => {
    const entry: LogEntry = { level, source, message, at: Date.now() }
    options.log?.(entry)
    events.emit('log.entry', entry)
  }
  const shard = new ShardService({
    workerPath: options.workerPath,
    events,
    log,
    onConsoleResult: (result) => operatorConsole.applied(result),
    onWorkerStart: () => operatorConsole.workerStarted()
  })
  const operatorConsole = new ConsoleService({
    shard,
    events,
    log,
    env: options.env ?? process.env,
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
      console: operatorConsole,
      ...(options.pickFile ? { pickFile: options.pickFile } : {})
    }),
    (channel, error) => log('error', 'host', `handler '${channel}' failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  )

  return {
    registry,
    events,
    async start() {
      let loaded = loadEmbeddedDefault()
      let file: string | undefined
      if (options.initialConfigPath) {
        file = resolveConfigPath(options.initialConfigPath, cwd)
        const result = await loadConfigFile(file)
        if (!result.ok) throw new Error(describeConfigError(result.error))
        loaded = result.value
      }
      await shard.boot(loaded, file)
      await operatorConsole.useConfig(loaded.config, file)
      log('info', 'host', `shard started with config ${loaded.summary.config_id} (${loaded.summary.source})`)
    },
    async dispose() {
      await shard.dispose()
      operatorConsole.dispose()
      await operatorConsole.flush()
    }
  }
}
