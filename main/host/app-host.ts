/**
 * The host: everything behind the contract on the main-thread side. Electron and browser mode
 * each create one and bind `registry` and `events` to their transport.
 * (Implementation in progress — the interface below is stable.)
 */
import type { LogEntry } from '../../shared/contract/dto/events'
import type { EventBus } from './event-bus'
import type { Registry } from './registry'

export interface HostOptions {
  mode: 'electron' | 'browser'
  version: string
  /** Built shard worker script (out/main/shard-worker.js), passed in by each entry. */
  workerPath: string
  /** Extra Node flags for the worker, e.g. `['--import', 'tsx']` when tests run the TS source. */
  workerExecArgv?: string[]
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
}

export interface AppHost {
  readonly registry: Registry
  readonly events: EventBus
  /** Spawn the worker and load the initial config. Rejects with a readable message if that config is bad. */
  start(): Promise<void>
  dispose(): Promise<void>
}
