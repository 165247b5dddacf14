import fc from 'fast-check'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { AGENT_EPISODE_SCHEMA_VERSION, HISTORY_LIMITS, type HistoryEpisode, type HistoryWindow } from '../../shared/contract/dto/history'
import type { PolicyIdentity } from '../../shared/contract/dto/policy'
import { HISTORY_APPLICATION_ID, HISTORY_SCHEMA_VERSION } from './history-schema'
import { RunHistory, type RunStart } from './run-history'

const SCRIPTED: PolicyIdentity = { backend: 'scripted', policy_hash: null, model: 'scripted', execution_provider: null, observation_variant: 'full', anneal_ratio: 1, option_set: ['idle'] }
const START: RunStart = { started_ms: 1_700_000_000_000, config_id: 'default', config_sha256: 'a'.repeat(64), seed: 7, agents: 8, policy: SCRIPTED, start_tick: 0 }

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'history-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function writer(name: string): Promise<RunHistory> {
  const opened = await RunHistory.open(join(dir, name), { write: true })
  if (!opened.ok) throw new Error(opened.error.message)
  return opened.value
}

const ratio = fc.option(fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0), { nil: null })
const windowArb: fc.Arbitrary<HistoryWindow> = fc.record({
  from_tick: fc.nat(1e9),
  to_tick: fc.nat(1e9),
  kpis: fc.option(
    fc.record({
      window_ticks: fc.nat(1e6),
      tick: fc.nat(1e9),
      self_sufficiency: ratio,
      tenure_days: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }).map((v) => v + 0), { nil: null }),
      relationship_coverage: ratio,
      starvation_incidents: fc.nat(1e6),
      lateness_rate: ratio,
      queue_conflict_rate: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }).map((v) => v + 0), { nil: null })
    }),
    { nil: null }
  ),
  alerts: fc.array(fc.record({ name: fc.string({ maxLength: 40 }), severity: fc.constantFrom('warn' as const, 'critical' as const), message: fc.string({ maxLength: 200 }), tick: fc.nat(1e9), priority: fc.boolean() }), { maxLength: 5 })
})
// JSON-safe numbers: -0 is not one (JSON writes it as 0), so the DTO never carries it.
const money = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0)
const episodeArb: fc.Arbitrary<HistoryEpisode> = fc.record({
  agent_id: fc.string({ minLength: 1, maxLength: 60 }),
  from_tick: fc.nat(1e9),
  to_tick: fc.option(fc.nat(1e9), { nil: null }),
  cause: fc.option(fc.constantFrom('faint', 'eviction', 'killed', 'unemployment'), { nil: null }),
  snapshot: fc.record({
    schema_version: fc.constant(AGENT_EPISODE_SCHEMA_VERSION),
    agent_id: fc.string({ maxLength: 60 }),
    home: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
    job: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
    x: fc.integer({ min: -1000, max: 1000 }),
    y: fc.integer({ min: -1000, max: 1000 }),
    needs: fc.record({ hunger: money, hygiene: money, energy: money }),
    wallet: money,
    wages_earned: money,
    meals_eaten: fc.nat(1e6),
    meals_cooked: fc.nat(1e6),
    showers: fc.nat(1e6),
    sleeps: fc.nat(1e6),
    shifts_done: fc.nat(1e6),
    lateness_count: fc.nat(1e6)
  })
})

describe('RunHistory over a real SQLite file', () => {
  it('writes a run and reads it back, and the file is WAL, versioned and marked as ours', async () => {
    const store = await writer('one.sqlite')
    const id = store.beginRun(START)
    expect(id).toEqual({ ok: true, value: 1 })
    const w: HistoryWindow = { from_tick: 1, to_tick: 60, kpis: null, alerts: [{ name: 'starvation_spike', severity: 'critical', message: 'm', tick: 40, priority: true }] }
    expect(store.addBatch(1, [w], []).ok).toBe(true)
    expect(store.endRun(1, { status: 'completed', ticks: 60, ended_ms: START.started_ms + 5 }).ok).toBe(true)
    store.close()
    const raw = new Database(join(dir, 'one.sqlite'), { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(raw.pragma('application_id', { simple: true })).toBe(HISTORY_APPLICATION_ID)
    expect(raw.prepare('SELECT version FROM schema_version').get()).toEqual({ version: HISTORY_SCHEMA_VERSION })
    raw.close()
    const reader = await RunHistory.open(join(dir, 'one.sqlite'), { write: false })
    if (!reader.ok) throw new Error(reader.error.message)
    const list = reader.value.listRuns()
    expect(list.ok && list.value.map((r) => [r.id, r.status, r.ticks, r.windows])).toEqual([[1, 'completed', 60, 1]])
    const shown = reader.value.showRun(1)
    expect(shown.ok && shown.value.windows).toEqual([w])
    expect(reader.value.showRun(2)).toMatchObject({ ok: false, error: { code: 'history.run_not_found' } })
    expect(reader.value.beginRun(START)).toMatchObject({ ok: false, error: { code: 'history.write_failed' } })
    reader.value.close()
  })

  it('round-trips any KPI windows and episodes (property)', async () => {
    const store = await writer('prop.sqlite')
    await fc.assert(
      fc.asyncProperty(fc.array(windowArb, { maxLength: 8 }), fc.array(episodeArb, { maxLength: 8 }), async (windows, episodes) => {
        const id = store.beginRun(START)
        if (!id.ok) throw new Error(id.error.message)
        // Two batches: the sequence numbers carry on across transactions.
        const half = Math.floor(windows.length / 2)
        expect(store.addBatch(id.value, windows.slice(0, half), episodes.slice(0, 3)).ok).toBe(true)
        expect(store.addBatch(id.value, windows.slice(half), episodes.slice(3)).ok).toBe(true)
        const shown = store.showRun(id.value)
        if (!shown.ok) throw new Error(shown.error.message)
        expect(shown.value.windows).toEqual(windows)
        expect(shown.value.episodes).toEqual(episodes)
        expect(shown.value.run).toMatchObject({ windows: windows.length, episodes: episodes.length, status: 'running' })
      }),
      { numRuns: 40 }
    )
    store.close()
  })

  it('keeps at most the bound of rows per run and counts the rest as dropped', async () => {
    const store = await writer('bound.sqlite')
    const id = store.beginRun(START)
    if (!id.ok) throw new Error(id.error.message)
    const w: HistoryWindow = { from_tick: 1, to_tick: 2, kpis: null, alerts: [] }
    const many = Array.from({ length: HISTORY_LIMITS.windowsPerRun - 1 }, () => w)
    expect(store.addBatch(id.value, many, []).ok).toBe(true)
    expect(store.addBatch(id.value, [w, w, w], []).ok).toBe(true)
    const run = store.listRuns()
    expect(run.ok && run.value[0]).toMatchObject({ windows: HISTORY_LIMITS.windowsPerRun, dropped: { windows: 2, episodes: 0 } })
    store.close()
  })

  it('cuts strings and alert lists to their bounds', async () => {
    const store = await writer('cut.sqlite')
    const id = store.beginRun({ ...START, config_id: 'c'.repeat(5000) })
    if (!id.ok) throw new Error(id.error.message)
    const alert = { name: 'n'.repeat(1000), severity: 'warn' as const, message: 'x'.repeat(100_000), tick: 1, priority: false }
    expect(store.addBatch(id.value, [{ from_tick: 1, to_tick: 2, kpis: null, alerts: Array.from({ length: 100 }, () => alert) }], []).ok).toBe(true)
    const shown = store.showRun(id.value)
    if (!shown.ok) throw new Error(shown.error.message)
    expect(shown.value.run.config_id).toHaveLength(HISTORY_LIMITS.idChars)
    expect(shown.value.windows[0]!.alerts).toHaveLength(HISTORY_LIMITS.alertsPerWindow)
    expect(shown.value.windows[0]!.alerts[0]!.message).toHaveLength(HISTORY_LIMITS.textChars)
    store.close()
  })

  it('refuses a row another program edited into something the schemas refuse', async () => {
    const store = await writer('edited.sqlite')
    const id = store.beginRun(START)
    if (!id.ok) throw new Error(id.error.message)
    store.close()
    const raw = new Database(join(dir, 'edited.sqlite'))
    raw.prepare("UPDATE runs SET policy_json = '{not json', status = 'weird'").run()
    raw.close()
    const reader = await RunHistory.open(join(dir, 'edited.sqlite'), { write: false })
    if (!reader.ok) throw new Error(reader.error.message)
    expect(reader.value.listRuns()).toMatchObject({ ok: false, error: { code: 'history.unusable' } })
    reader.value.close()
  })
})
