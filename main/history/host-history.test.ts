import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PolicyIdentity } from '../../shared/contract/dto/policy'
import { Workspace } from '../fs/workspace'
import { HOST_HISTORY_FILE, hostHistoryRun, hostHistoryRuns } from './host-history'
import { RunHistory } from './run-history'

const SCRIPTED: PolicyIdentity = { backend: 'scripted', policy_hash: null, model: 'scripted', execution_provider: null, observation_variant: 'full', anneal_ratio: 1, option_set: ['idle'] }
const kpis = (self: number | null, tick: number) => ({ window_ticks: 10, tick, self_sufficiency: self, tenure_days: 1, relationship_coverage: 0.5, starvation_incidents: 2, lateness_rate: null, queue_conflict_rate: 0 })

let dir: string
let workspace: Workspace
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'host-history-'))
  workspace = await Workspace.create([
    { name: 'configs', path: join(dir, 'configs') },
    { name: 'workspace', path: dir }
  ])
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe("the host's history (history.runs, history.run)", () => {
  it('is an empty list while the workspace has no history file', async () => {
    expect(await hostHistoryRuns(workspace)).toEqual({ ok: true, value: { file: null, runs: [] } })
    expect(await hostHistoryRun(workspace, 1)).toMatchObject({ ok: false, error: { code: 'history.run_not_found' } })
  })

  it('lists the runs with their KPI means (nulls left out) and shows one', async () => {
    const store = await RunHistory.open(join(dir, HOST_HISTORY_FILE), { write: true })
    if (!store.ok) throw new Error(store.error.message)
    const id = store.value.beginRun({ started_ms: 1, config_id: 'default', config_sha256: 'c'.repeat(64), seed: 3, agents: 8, policy: SCRIPTED, start_tick: 0 })
    if (!id.ok) throw new Error(id.error.message)
    const windows = [
      { from_tick: 1, to_tick: 10, kpis: kpis(0.5, 10), alerts: [] },
      { from_tick: 11, to_tick: 20, kpis: kpis(null, 20), alerts: [] },
      { from_tick: 21, to_tick: 30, kpis: kpis(1, 30), alerts: [] },
      { from_tick: 31, to_tick: 32, kpis: null, alerts: [] }
    ]
    expect(store.value.addBatch(id.value, windows, []).ok).toBe(true)
    store.value.close()
    const runs = await hostHistoryRuns(workspace)
    if (!runs.ok) throw new Error(runs.error.message)
    expect(runs.value.file).toBe(HOST_HISTORY_FILE)
    expect(runs.value.runs[0]!.kpi_means).toEqual({ self_sufficiency: 0.75, tenure_days: 1, relationship_coverage: 0.5, starvation_incidents: 2, lateness_rate: null, queue_conflict_rate: 0 })
    const shown = await hostHistoryRun(workspace, id.value)
    expect(shown.ok && shown.value.windows).toHaveLength(4)
  })

  it('answers a code for a file that is not a history', async () => {
    await writeFile(join(dir, HOST_HISTORY_FILE), 'not sqlite'.repeat(100))
    await rm(join(dir, `${HOST_HISTORY_FILE}-wal`), { force: true })
    await rm(join(dir, `${HOST_HISTORY_FILE}-shm`), { force: true })
    expect(await hostHistoryRuns(workspace)).toMatchObject({ ok: false, error: { code: 'history.unusable' } })
  })
})
