/**
 * Snapshot save and load at 10, 1,000 and 10,000 agents, plain and gzipped, through the same
 * functions `townlet run --save-snapshot` and `--snapshot` call: the runtime blocks captured
 * (policy runtime, console, telemetry hub) + one canonical serialisation + atomic write; bounded
 * read + decode + checksum + guardrails + restore + the runtime blocks restored + the first
 * resumed tick. Each figure is the median of three runs (the first pays for JIT warm-up).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readResumeDocument, resumeFrom, RunRuntime, saveSnapshot } from '../main/cli/run-snapshots'
import { Workspace } from '../main/fs/workspace'
import { Shard } from '../main/shard/shard'
import { realScheduler } from '../main/shard/scheduler'
import { loadEngineConfig } from './engine-config'
import { count, formatTable } from './table'

const RUNS = 3

async function median(run: () => Promise<void>): Promise<number> {
  const times: number[] = []
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now()
    await run()
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!
}

export async function snapshotReport(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-snapshot-bench-'))
  const files = { workspace: await Workspace.create([{ name: 'bench', path: dir }]), base: dir }
  const rows: string[][] = []
  try {
    for (const agents of [10, 1_000, 10_000]) {
      const loaded = loadEngineConfig(agents)
      const shard = new Shard(loaded, { scheduler: realScheduler, files })
      const runtime = RunRuntime.attach(shard, undefined, true)
      shard.step(50)
      for (const gzip of [false, true]) {
        const path = join(dir, `s-${agents}.json${gzip ? '.gz' : ''}`)
        const saveMs = await median(() => saveSnapshot(shard, path, runtime.capture(false)))
        const bytes = (await stat(path)).size
        const loadMs = await median(async () => {
          const point = resumeFrom(path, await readResumeDocument(path, files), loaded)
          const resumed = new Shard(loaded, { scheduler: realScheduler, files, resume: point })
          RunRuntime.attach(resumed, point, false)
          resumed.step(1)
          resumed.dispose()
        })
        rows.push([count(agents), gzip ? 'gzip' : 'plain', `${count(bytes / 1024, 0)} KiB`, `${count(saveMs, 1)} ms`, `${count(loadMs, 1)} ms`])
      }
      shard.dispose()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return ['Snapshots (townlet run --save-snapshot / --snapshot path, runtime blocks included; town after 50 ticks; median of 3):', ...formatTable(['agents', 'format', 'file size', 'save', 'load + resume + first tick'], rows)]
}
