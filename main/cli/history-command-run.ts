/**
 * `townlet run --history F.sqlite`: the run recorded into a history file (docs/history.md). The
 * file is opened, checked and migrated before the first tick, so an unusable one is a usage error
 * (exit 2) and not a long run that ends in a refusal; a write that fails during the run stops the
 * recording with a warning, never the run.
 */
import type { HistoryRunStatus } from '../../shared/contract/dto/history'
import type { LoadedConfig } from '../config/load-config'
import { HistoryRecorder, type HistorySource } from '../history/history-recorder'
import { resolveHistoryPath } from '../history/history-path'
import { RunHistory } from '../history/run-history'
import type { Shard, ShardFiles } from '../shard/shard'
import { UsageError, type CliIo } from './cli-io'

export interface RunHistoryRecording {
  /** Records the end (status, last window, lives under way), closes the file and says so on stderr. */
  finish(status: HistoryRunStatus): void
}

/** The recording for `--history PATH` on `shard` (undefined without the option); call after the policy is attached. */
export async function startRunHistory(path: string | undefined, shard: Shard, loaded: LoadedConfig, files: ShardFiles, io: CliIo): Promise<RunHistoryRecording | undefined> {
  if (path === undefined) return undefined
  const where = await resolveHistoryPath(path, files, { write: true })
  if (!where.ok) throw new UsageError(`--history ${path}: ${where.error.code}: ${where.error.message}`)
  const store = await RunHistory.open(where.value, { write: true })
  if (!store.ok) throw new UsageError(`--history ${path}: ${store.error.code}: ${store.error.message}`)
  const recorder = HistoryRecorder.start(store.value, shardSource(shard, loaded), { windowTicks: loaded.config.stability.kpis.window_ticks, now: Date.now })
  if (!recorder.ok) {
    store.value.close()
    throw new UsageError(`--history ${path}: ${recorder.error.code}: ${recorder.error.message}`)
  }
  return {
    finish(status) {
      const done = recorder.value.finish(status)
      store.value.close()
      if (done.ok) io.stderr.write(`recorded run ${done.value.run_id} (${done.value.windows} windows, ${done.value.episodes} episodes) in ${path}\n`)
      else io.stderr.write(`warning: --history ${path}: ${done.error.code}: ${done.error.message}; the run went on without recording\n`)
    }
  }
}

/** The Shard as the recorder sees it: the live world, its ticks, its hub's KPIs and alerts, its identity. */
function shardSource(shard: Shard, loaded: LoadedConfig): HistorySource {
  return {
    world: () => shard.simulation.world,
    onTick: (listener) => shard.simulation.onTick((events) => listener(events)),
    telemetry: () => {
      const t = shard.telemetry()
      return t && { kpis: t.kpis, alerts: t.alerts }
    },
    identity: () => ({ config_id: loaded.summary.config_id, config_sha256: loaded.summary.sha256, seed: loaded.config.seed, policy: shard.simulation.policy.identity() })
  }
}
