/**
 * Hot reload of the live config's affordance registry: the file it names is watched; an edit is
 * read and checked (on the config validator's thread), and if the shard accepts it (the map's
 * object types all still exist) it becomes the live registry and the last good config's. A bad
 * edit leaves the previous registry live, with every problem and its line in a warn log line.
 */
import { dirname } from 'node:path'
import type { LogLevel } from '../../shared/contract/dto/events'
import { affordancePath, formatIssue, type LoadedConfig } from '../config/load-config'
import type { Workspace } from '../fs/workspace'
import type { ShardViewDto } from '../shard/protocol'
import type { ConfigValidator } from './config-validator'
import { watchFileChanges, type FileWatch } from './file-watcher'
import type { ShardWorkerClient } from './shard-worker-client'

/** What the reload needs of the shard service. */
export interface HotReloadTarget {
  /** The live config and the file it came from; undefined for the embedded default. */
  live(): { loaded: LoadedConfig; configPath: string } | undefined
  /** The running worker, or undefined while it is down. */
  client(): Pick<ShardWorkerClient, 'request'> | undefined
  /** The shard took the new registry: the last good config and the latest view. */
  applied(loaded: LoadedConfig, view: ShardViewDto): void
  log(level: LogLevel, source: 'host', message: string): void
  hostLog?(level: LogLevel, message: string): void
  validator: Pick<ConfigValidator, 'checkAffordances'>
  workspace: () => Workspace
  /** Quiet time after a change before it is reloaded. */
  debounceMs: number
}

/** The affordance file being watched for the live config, and whether its last edit was refused. */
interface AffordanceWatch {
  file: string
  watch: FileWatch
  /** Bumped whenever the watched config changes, so a reload started for an older one is dropped. */
  generation: number
  refused: boolean
}

export class AffordanceHotReload {
  private watching: AffordanceWatch | undefined
  private generation = 0
  private reloading = false
  private reloadAgain = false

  constructor(private readonly target: HotReloadTarget) {}

  /** Watch the live config's affordance file, if it came from a file and names one. */
  start(): void {
    this.stop()
    const live = this.target.live()
    if (!live) return
    const file = affordancePath(live.configPath, live.loaded.config)
    if (file === undefined) return
    const watch = watchFileChanges(file, () => this.scheduleReload(), {
      debounceMs: this.debounceMs,
      onFallback: (reason) => this.target.log('warn', 'host', `${reason}; polling ${file} for affordance edits instead`)
    })
    this.watching = { file, watch, generation: ++this.generation, refused: false }
    this.target.log('info', 'host', `watching ${file} for affordance edits: a good edit reloads the registry live`)
    // An edit between loading the config and starting the watch is not missed.
    watch.poke()
  }

  stop(): void {
    this.generation += 1
    this.watching?.watch.close()
    this.watching = undefined
  }

  /** A fresh worker started with the last good config: an edit made while it was down is picked up now. */
  restarted(): void {
    if (this.watching) this.watching.watch.poke()
    else this.start()
  }

  private get debounceMs(): number {
    return this.target.debounceMs
  }

  /** Run one reload at a time; changes seen during one run another after it. */
  private scheduleReload(): void {
    if (this.reloading) {
      this.reloadAgain = true
      return
    }
    this.reloading = true
    void (async () => {
      try {
        do {
          this.reloadAgain = false
          await this.reloadAffordances()
        } while (this.reloadAgain)
      } catch (e) {
        this.target.log('error', 'host', 'an affordance reload failed inside the host (a bug); the host log has the details')
        this.target.hostLog?.('error', `affordance reload failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
      } finally {
        this.reloading = false
      }
    })()
  }

  /**
   * Re-read the watched affordance file; if it loads and the shard accepts it (the map's object
   * types all still exist), it becomes the live registry and the last good config's. Otherwise the
   * previous registry stays live and a warn log line lists every problem with its line.
   */
  private async reloadAffordances(): Promise<void> {
    const watching = this.watching
    const live = this.target.live()
    if (!watching || !live) return
    const { file, generation } = watching
    const stale = (): boolean => this.generation !== generation || this.watching !== watching
    const load = await this.target.validator.checkAffordances(file, dirname(file), this.target.workspace().roots)
    if (stale()) return
    if (!load.ok) {
      // A file caught mid-save (an editor that truncates, then writes) fails to load, and its
      // watch fires again once the save ends: warn only if no newer change is on its way.
      await new Promise((resolve) => setTimeout(resolve, 2 * this.debounceMs))
      if (stale() || this.reloadAgain) return
      watching.refused = true
      const n = load.issues.length
      this.target.log(
        'warn',
        'host',
        `affordance registry ${file} not reloaded (${n} problem${n === 1 ? '' : 's'}); the previous registry stays live: ${load.issues.map(formatIssue).join('; ')}`
      )
      return
    }
    const next = load.affordances
    if (next.sha256 === live.loaded.affordances.sha256) {
      // Unchanged (a touch, an editor's extra event), or an edit reverted to what is live.
      if (watching.refused) this.target.log('info', 'host', `affordance registry ${file} matches the live registry again (sha256 ${next.sha256.slice(0, 12)})`)
      watching.refused = false
      return
    }
    const client = this.target.client()
    if (!client) {
      this.target.log('info', 'host', `affordance registry ${file} changed while the shard worker is down; it is applied when the shard restarts`)
      return
    }
    const result = await client.request({ type: 'reload-affordances', affordances: next })
    const now = this.target.live()
    if (stale() || client !== this.target.client() || !now) return
    if (!result.ok) {
      if (result.error.code === 'config.invalid') {
        watching.refused = true
        this.target.log('warn', 'host', `affordance registry ${file} refused by the shard: ${result.error.message}`)
      } else {
        this.target.log('warn', 'host', `affordance registry ${file} not applied: ${result.error.message}; it is tried again when the shard restarts`)
      }
      return
    }
    watching.refused = false
    // The last good config carries the new registry, so a restarted worker starts with it.
    this.target.applied({ ...now.loaded, affordances: next }, result.value)
    const count = next.manifest.affordances.length
    this.target.log('info', 'host', `affordances reloaded from ${file}: ${count} affordance${count === 1 ? '' : 's'}, sha256 ${next.sha256.slice(0, 12)}`)
    if (load.warnings.length > 0) this.target.log('warn', 'host', `affordance registry ${file} has ${load.warnings.length} warning(s): ${load.warnings.map(formatIssue).join('; ')}`)
  }
}
