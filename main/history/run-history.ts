/**
 * The run-history store over one SQLite file (history-db.ts opens it): begin a run, add its KPI
 * windows and its agents' episodes in batches (one transaction each, prepared statements), end
 * it; list the runs and show one. Bounded: a run keeps at most HISTORY_LIMITS rows of each kind
 * (the rest are counted as dropped), strings are cut to their limit, and every row read back is
 * parsed with the DTO schemas, so a file edited by hand is refused by name rather than passed on.
 */
import type Database from 'better-sqlite3'
import { HISTORY_KPI_KEYS, HISTORY_LIMITS, HistoryKpiMeansSchema, HistoryRunDetailSchema, HistoryRunSchema, type HistoryEpisode, type HistoryKpiMeans, type HistoryRun, type HistoryRunDetail, type HistoryRunStatus, type HistoryWindow } from '../../shared/contract/dto/history'
import type { PolicyIdentity } from '../../shared/contract/dto/policy'
import { err, ok, type Result } from '../../shared/result'
import { formatZodIssues } from '../../shared/zod-issues'
import { openHistoryDb, sqliteError, type SqliteDb } from './history-db'

/** What a run is, as it starts. */
export interface RunStart {
  started_ms: number
  config_id: string
  config_sha256: string
  seed: number
  agents: number
  policy: PolicyIdentity
  start_tick: number
}

interface RunRow {
  id: number
  started_ms: number
  ended_ms: number | null
  config_id: string
  config_sha256: string
  seed: number
  agents: number
  policy_json: string
  start_tick: number
  ticks: number
  status: string
  windows: number
  episodes: number
  dropped_windows: number
  dropped_episodes: number
}

const cut = (text: string, max: number): string => (text.length <= max ? text : text.slice(0, max))

export class RunHistory {
  private readonly stmts: ReturnType<typeof statements>

  private constructor(
    private readonly db: SqliteDb,
    readonly path: string
  ) {
    this.stmts = statements(db)
  }

  /** Open (a writer creates and migrates; a reader only reads). `path` is already inside the workspace. */
  static async open(path: string, options: { write: boolean }): Promise<Result<RunHistory>> {
    const db = await openHistoryDb(path, options)
    if (!db.ok) return db
    try {
      return ok(new RunHistory(db.value, path))
    } catch (e) {
      db.value.close()
      return sqliteError(e, path)
    }
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  /** A new run row, status `running`; answers its id. */
  beginRun(start: RunStart): Result<number> {
    return this.guard(() => {
      const info = this.stmts.insertRun.run({
        started_ms: Math.trunc(start.started_ms),
        config_id: cut(start.config_id, HISTORY_LIMITS.idChars),
        config_sha256: start.config_sha256,
        seed: start.seed,
        agents: start.agents,
        policy_json: JSON.stringify(start.policy),
        start_tick: start.start_tick
      })
      return Number(info.lastInsertRowid)
    })
  }

  /** Windows and episodes of run `id` in one transaction, past the run's bounds counted as dropped. */
  addBatch(id: number, windows: readonly HistoryWindow[], episodes: readonly HistoryEpisode[]): Result<void> {
    return this.guard(() => this.batch(id, windows, episodes))
  }

  private readonly batch = (id: number, windows: readonly HistoryWindow[], episodes: readonly HistoryEpisode[]): void => {
    this.db.transaction(() => {
      const counts = this.stmts.counts.get(id) as { windows: number; episodes: number } | undefined
      if (!counts) throw new RunMissing(id)
      const keepW = Math.max(0, Math.min(windows.length, HISTORY_LIMITS.windowsPerRun - counts.windows))
      const keepE = Math.max(0, Math.min(episodes.length, HISTORY_LIMITS.episodesPerRun - counts.episodes))
      for (let i = 0; i < keepW; i++) {
        const w = windows[i]!
        const alerts = w.alerts.slice(0, HISTORY_LIMITS.alertsPerWindow).map((a) => ({ ...a, message: cut(a.message, HISTORY_LIMITS.textChars), name: cut(a.name, HISTORY_LIMITS.idChars) }))
        this.stmts.insertWindow.run(id, counts.windows + i, w.from_tick, w.to_tick, w.kpis === null ? null : JSON.stringify(w.kpis), JSON.stringify(alerts))
      }
      for (let i = 0; i < keepE; i++) {
        const e = episodes[i]!
        const agent = cut(e.agent_id, HISTORY_LIMITS.idChars)
        const snapshot = { ...e.snapshot, agent_id: cut(e.snapshot.agent_id, HISTORY_LIMITS.idChars) }
        this.stmts.insertEpisode.run(id, counts.episodes + i, agent, e.from_tick, e.to_tick, e.cause === null ? null : cut(e.cause, HISTORY_LIMITS.idChars), JSON.stringify(snapshot))
      }
      this.stmts.bumpCounts.run(keepW, keepE, windows.length - keepW, episodes.length - keepE, id)
    })()
  }

  /** The run's end: its status, the ticks it ran, the host clock's time. */
  endRun(id: number, end: { status: HistoryRunStatus; ticks: number; ended_ms: number }): Result<void> {
    return this.guard(() => {
      const info = this.stmts.endRun.run(end.status, end.ticks, Math.trunc(end.ended_ms), id)
      if (info.changes === 0) throw new RunMissing(id)
    })
  }

  /** The runs, newest first (at most HISTORY_LIMITS.listRuns). */
  listRuns(): Result<HistoryRun[]> {
    const rows = this.guard(() => this.stmts.listRuns.all(HISTORY_LIMITS.listRuns) as RunRow[])
    if (!rows.ok) return rows
    const runs: HistoryRun[] = []
    for (const row of rows.value) {
      const run = this.runOf(row)
      if (!run.ok) return run
      runs.push(run.value)
    }
    return ok(runs)
  }

  /** Each listed run's KPI means over its windows (SQLite's JSON functions; nulls left out of the means). */
  kpiMeans(ids: readonly number[]): Result<Map<number, HistoryKpiMeans>> {
    const read = this.guard(() => ids.map((id) => [id, this.stmts.kpiMeans.get(id) as Record<string, unknown>] as const))
    if (!read.ok) return read
    const out = new Map<number, HistoryKpiMeans>()
    for (const [id, row] of read.value) {
      const parsed = HistoryKpiMeansSchema.safeParse(Object.fromEntries(HISTORY_KPI_KEYS.map((k) => [k, row[k] ?? null])))
      if (!parsed.success) return this.damaged(`run ${id} holds KPI values that are not numbers`)
      out.set(id, parsed.data)
    }
    return ok(out)
  }

  /** One run with its windows and episodes, oldest first. */
  showRun(id: number): Result<HistoryRunDetail> {
    const read = this.guard(() => {
      const row = this.stmts.getRun.get(id) as RunRow | undefined
      if (!row) throw new RunMissing(id)
      const windows = (this.stmts.windowsOf.all(id, HISTORY_LIMITS.windowsPerRun) as { from_tick: number; to_tick: number; kpis_json: string | null; alerts_json: string }[]).map((w) => ({
        from_tick: w.from_tick,
        to_tick: w.to_tick,
        kpis: w.kpis_json === null ? null : (parseJson(w.kpis_json) as never),
        alerts: parseJson(w.alerts_json) as never
      }))
      const episodes = (this.stmts.episodesOf.all(id, HISTORY_LIMITS.episodesPerRun) as { agent_id: string; from_tick: number; to_tick: number | null; cause: string | null; snapshot_json: string }[]).map((e) => ({
        agent_id: e.agent_id,
        from_tick: e.from_tick,
        to_tick: e.to_tick,
        cause: e.cause,
        snapshot: parseJson(e.snapshot_json) as never
      }))
      return { row, windows, episodes }
    })
    if (!read.ok) return read
    const run = this.runOf(read.value.row)
    if (!run.ok) return run
    const parsed = HistoryRunDetailSchema.safeParse({ run: run.value, windows: read.value.windows, episodes: read.value.episodes })
    if (!parsed.success) return this.damaged(`run ${id} holds rows this townlet cannot read: ${formatZodIssues(parsed.error.issues.slice(0, 3))}`)
    return ok(parsed.data)
  }

  private runOf(row: RunRow): Result<HistoryRun> {
    const parsed = HistoryRunSchema.safeParse({
      id: row.id,
      started_ms: row.started_ms,
      ended_ms: row.ended_ms,
      config_id: row.config_id,
      config_sha256: row.config_sha256,
      seed: row.seed,
      agents: row.agents,
      policy: parseJson(row.policy_json),
      start_tick: row.start_tick,
      ticks: row.ticks,
      status: row.status,
      windows: row.windows,
      episodes: row.episodes,
      dropped: { windows: row.dropped_windows, episodes: row.dropped_episodes }
    })
    if (!parsed.success) return this.damaged(`run ${String(row.id).slice(0, 20)} is not a valid run row: ${formatZodIssues(parsed.error.issues.slice(0, 3))}`)
    return ok(parsed.data)
  }

  private damaged(why: string): Result<never> {
    return err('history.unusable', `the history file ${this.path} cannot be used: ${why}`)
  }

  /** SQLite's throws as coded results; a missing run as history.run_not_found. */
  private guard<T>(run: () => T): Result<T> {
    try {
      return ok(run())
    } catch (e) {
      if (e instanceof RunMissing) return err('history.run_not_found', `there is no run ${e.id} in ${this.path}: list the runs with townlet history list --db ${this.path}`)
      return sqliteError(e, this.path)
    }
  }
}

class RunMissing extends Error {
  constructor(readonly id: number) {
    super(`run ${id} not found`)
  }
}

/** JSON text from a row; text that is not JSON becomes a value the schemas refuse. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return Symbol('not json')
  }
}

function statements(db: Database.Database) {
  return {
    insertRun: db.prepare(`INSERT INTO runs (started_ms, config_id, config_sha256, seed, agents, policy_json, start_tick, status)
      VALUES (@started_ms, @config_id, @config_sha256, @seed, @agents, @policy_json, @start_tick, 'running')`),
    counts: db.prepare('SELECT windows, episodes FROM runs WHERE id = ?'),
    insertWindow: db.prepare('INSERT INTO windows (run_id, seq, from_tick, to_tick, kpis_json, alerts_json) VALUES (?, ?, ?, ?, ?, ?)'),
    insertEpisode: db.prepare('INSERT INTO episodes (run_id, seq, agent_id, from_tick, to_tick, cause, snapshot_json) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    bumpCounts: db.prepare('UPDATE runs SET windows = windows + ?, episodes = episodes + ?, dropped_windows = dropped_windows + ?, dropped_episodes = dropped_episodes + ? WHERE id = ?'),
    endRun: db.prepare('UPDATE runs SET status = ?, ticks = ?, ended_ms = ? WHERE id = ?'),
    listRuns: db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT ?'),
    getRun: db.prepare('SELECT * FROM runs WHERE id = ?'),
    windowsOf: db.prepare('SELECT from_tick, to_tick, kpis_json, alerts_json FROM windows WHERE run_id = ? ORDER BY seq LIMIT ?'),
    kpiMeans: db.prepare(`SELECT ${HISTORY_KPI_KEYS.map((k) => `avg(json_extract(kpis_json, '$.${k}')) AS ${k}`).join(', ')} FROM windows WHERE run_id = ? AND json_valid(kpis_json)`),
    episodesOf: db.prepare('SELECT agent_id, from_tick, to_tick, cause, snapshot_json FROM episodes WHERE run_id = ? ORDER BY seq LIMIT ?')
  }
}
