/**
 * Snapshot save and load at 10, 1,000 and 10,000 agents, plain and gzipped, through the same
 * functions `townlet run --save-snapshot` and `--snapshot` call: the shard's snapshot document
 * captured (world, policy runtime, console, its own telemetry hub) + one canonical serialisation
 * + atomic write; bounded read + decode + checksum + guardrails + restore + the runtime blocks
 * restored through the shard + the first resumed tick. Each figure is the median of three runs (the first pays for JIT warm-up).
 *
 * Then the legacy import (main/snapshots/legacy) at 1,000 and 10,000 agents: a 1.6 envelope as
 * the original Python Townlet wrote it, onto the bench town built for that many agents, half of
 * the document's agents the town's own (matched by id) and half new to it (added by the spawner).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureRunSnapshot, readResumeDocument, restoreRunRuntime, resumeFrom, writeRunSnapshot } from '../main/cli/run-snapshots'
import { Workspace } from '../main/fs/workspace'
import { Shard } from '../main/shard/shard'
import { compileRegistry } from '../main/sim/affordances/registry'
import { createWorld } from '../main/sim/town/create-world'
import { importLegacyWorld, type LegacyImportTarget } from '../main/snapshots/legacy/import-legacy'
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
      shard.step(50)
      for (const gzip of [false, true]) {
        const path = join(dir, `s-${agents}.json${gzip ? '.gz' : ''}`)
        const saveMs = await median(async () => writeRunSnapshot(path, await captureRunSnapshot(shard)))
        const bytes = (await stat(path)).size
        const loadMs = await median(async () => {
          const point = resumeFrom(path, await readResumeDocument(path, files), loaded)
          const resumed = new Shard(loaded, { scheduler: realScheduler, files, resume: point })
          restoreRunRuntime(resumed, point)
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
  return [
    'Snapshots (townlet run --save-snapshot / --snapshot path, runtime blocks included; town after 50 ticks; median of 3):',
    ...formatTable(['agents', 'format', 'file size', 'save', 'load + resume + first tick'], rows),
    '',
    ...(await legacyImportReport())
  ]
}

async function legacyImportReport(): Promise<string[]> {
  const rows: string[][] = []
  for (const agents of [1_000, 10_000]) {
    const target = legacyTarget(agents)
    const doc = legacyDocument(target, agents)
    let landed = 0
    const ms = await median(() => {
      const imported = importLegacyWorld(doc, target)
      if (!imported.ok) throw new Error(`legacy import failed in the bench: ${imported.error.code}`)
      landed = imported.value.live.state.agents.count
      return Promise.resolve()
    })
    rows.push([count(agents), `${count(JSON.stringify(doc).length / 1024, 0)} KiB`, count(landed), `${count(ms, 1)} ms`])
  }
  return [
    'Legacy import (a 1.6 envelope onto the bench town of as many agents, half matched by id, half added; median of 3):',
    ...formatTable(['document agents', 'document', 'town agents after', 'parse + import'], rows)
  ]
}

function legacyTarget(agents: number): LegacyImportTarget {
  const loaded = loadEngineConfig(agents)
  const registry = compileRegistry(loaded.affordances.manifest)
  if (!registry.ok) throw new Error('the bench registry does not compile')
  const built = createWorld(loaded.config, registry.registry)
  if (!built.ok) throw new Error('the bench town does not build')
  return { config: loaded.config, configId: loaded.config.config_id, world: built.world }
}

/**
 * A document in the form legacy-schema.ts reads: every even agent one of the town's own, every odd
 * one new, spread over the map (some on walls or off it, as the original's free positions were),
 * with needs, wallet, job, shift fields, counters, personality and a few ties.
 */
function legacyDocument(target: LegacyImportTarget, agents: number): unknown {
  const { width, height } = target.world.params.map
  const own = target.world.state.agents.ids
  const ids = Array.from({ length: agents }, (_, k) => (k % 2 === 0 && k < own.length ? own[k]! : `legacy_${k}`))
  const records: Record<string, unknown> = {}
  const relationships: Record<string, Record<string, unknown>> = {}
  ids.forEach((id, k) => {
    records[id] = {
      agent_id: id,
      position: [(k * 7) % (width + 4) - 2, (k * 13) % (height + 4) - 2],
      needs: { hunger: (k % 10) / 10, hygiene: ((k + 3) % 10) / 10, energy: ((k + 7) % 11) / 10 },
      wallet: 5 + (k % 17),
      job_id: ['day', 'early', null][k % 3],
      on_shift: k % 4 === 0,
      shift_state: k % 4 === 0 ? 'on_time' : 'pre_shift',
      lateness_counter: k % 3,
      attendance_ratio: 0.5 + (k % 5) / 10,
      inventory: { meals_consumed: k % 9, showers_taken: k % 4, wages_earned: 100 },
      personality: { extroversion: ((k % 7) - 3) / 10, forgiveness: 0.1, ambition: -0.1 },
      personality_profile: ['balanced', 'socialite', 'stoic'][k % 3]
    }
    if (k % 5 === 0 && k + 1 < ids.length) relationships[id] = { [ids[k + 1]!]: { trust: 0.3, familiarity: 0.5, rivalry: 0 } }
  })
  return { schema_version: '1.6', state: { config_id: 'legacy_bench', tick: 2_000, agents: records, relationships, rng_streams: { world: null } } }
}
