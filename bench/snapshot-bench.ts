/**
 * Snapshot save and load at 10, 1,000 and 10,000 agents, plain and gzipped, through the same
 * functions `townlet run --save-snapshot` and `--snapshot` call: capture + encode + atomic write;
 * bounded read + decode + checksum + a fresh town + restore + the first resumed tick.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFileAtomic } from '../main/fs/atomic-write'
import { Workspace } from '../main/fs/workspace'
import { Shard } from '../main/shard/shard'
import { realScheduler } from '../main/shard/scheduler'
import { Simulation } from '../main/shard/simulation'
import { readSnapshotFile, resumePoint } from '../main/snapshots/load-snapshot'
import { encodeSnapshot } from '../main/snapshots/snapshot-codec'
import { captureSnapshot } from '../main/snapshots/snapshot-document'
import { loadEngineConfig } from './engine-config'
import { count, formatTable } from './table'

const who = { policy_hash: null, backend: 'scripted' as const, provider: null, observation_variant: 'full' }

export async function snapshotReport(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-snapshot-bench-'))
  const files = { workspace: await Workspace.create([{ name: 'bench', path: dir }]), base: dir }
  const rows: string[][] = []
  try {
    for (const agents of [10, 1_000, 10_000]) {
      const loaded = loadEngineConfig(agents)
      const sim = new Simulation(loaded)
      for (let t = 0; t < 50; t++) sim.step()
      for (const gzip of [false, true]) {
        const path = join(dir, `s-${agents}.json${gzip ? '.gz' : ''}`)
        const t0 = performance.now()
        await writeFileAtomic(path, encodeSnapshot(captureSnapshot(sim.world, sim.lastTickEvents, who), { gzip }))
        const saveMs = performance.now() - t0
        const bytes = (await stat(path)).size
        const t1 = performance.now()
        const doc = await readSnapshotFile(path, files)
        if (!doc.ok) throw new Error(doc.error.message)
        const point = resumePoint(doc.value, loaded)
        if (!point.ok) throw new Error(point.error.message)
        const shard = new Shard(loaded, { scheduler: realScheduler, resume: point.value })
        shard.step(1)
        const loadMs = performance.now() - t1
        shard.dispose()
        rows.push([count(agents), gzip ? 'gzip' : 'plain', `${count(bytes / 1024, 0)} KiB`, `${count(saveMs, 1)} ms`, `${count(loadMs, 1)} ms`])
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return ['Snapshots (townlet run --save-snapshot / --snapshot path; town after 50 ticks):', ...formatTable(['agents', 'format', 'file size', 'save', 'load + first tick'], rows)]
}
