/**
 * The history file's tables, as numbered migrations. `schema_version` holds the number of the
 * last one applied; a writer applies the rest in one transaction, a reader refuses a file from a
 * newer townlet (history.too_new) instead of guessing at columns it does not know. A migration is
 * never edited once shipped: change the tables with a new one.
 */

/** Written into the SQLite header (PRAGMA application_id), so another program's database is told apart: "Twnl". */
export const HISTORY_APPLICATION_ID = 0x54776e6c

export const HISTORY_MIGRATIONS: readonly string[] = [
  // 1: runs, their KPI windows and their agents' episodes. Counters on the run row keep the
  // per-run bounds cheap to enforce (no COUNT(*) per batch).
  `
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_ms INTEGER NOT NULL,
    ended_ms INTEGER,
    config_id TEXT NOT NULL,
    config_sha256 TEXT NOT NULL,
    seed INTEGER NOT NULL,
    agents INTEGER NOT NULL,
    policy_json TEXT NOT NULL,
    start_tick INTEGER NOT NULL,
    ticks INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    windows INTEGER NOT NULL DEFAULT 0,
    episodes INTEGER NOT NULL DEFAULT 0,
    dropped_windows INTEGER NOT NULL DEFAULT 0,
    dropped_episodes INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE windows (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    from_tick INTEGER NOT NULL,
    to_tick INTEGER NOT NULL,
    kpis_json TEXT,
    alerts_json TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
  );
  CREATE TABLE episodes (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    agent_id TEXT NOT NULL,
    from_tick INTEGER NOT NULL,
    to_tick INTEGER,
    cause TEXT,
    snapshot_json TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
  );
  CREATE INDEX episodes_by_agent ON episodes (run_id, agent_id);
  `
]

export const HISTORY_SCHEMA_VERSION = HISTORY_MIGRATIONS.length
