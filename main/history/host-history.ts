/**
 * The history file a host shows its viewers (`history.runs`, `history.run`): `history.sqlite` in
 * the host's workspace root, the file `townlet run --history history.sqlite` writes when run
 * there. Read-only, opened per request (a recording run may be writing it; WAL lets both go on).
 * No file yet is an empty list, not an error.
 */
import { join } from 'node:path'
import type { HistoryRunDetail, HistoryRuns } from '../../shared/contract/dto/history'
import { ok, type Result } from '../../shared/result'
import type { Workspace } from '../fs/workspace'
import { resolveHistoryPath } from './history-path'
import { RunHistory } from './run-history'

export const HOST_HISTORY_FILE = 'history.sqlite'

/** The workspace root the host keeps its history in (the one named "workspace", else the last). */
function historyBase(workspace: Workspace): string | undefined {
  return (workspace.roots.find((r) => r.name === 'workspace') ?? workspace.roots[workspace.roots.length - 1])?.path
}

async function openHostHistory(workspace: Workspace): Promise<Result<RunHistory | null>> {
  const base = historyBase(workspace)
  if (base === undefined) return ok(null)
  const path = await resolveHistoryPath(join(base, HOST_HISTORY_FILE), { workspace, base }, { write: false })
  if (!path.ok) return path.error.code === 'history.not_found' ? ok(null) : path
  return RunHistory.open(path.value, { write: false })
}

/** The runs, newest first, each with its KPI means. */
export async function hostHistoryRuns(workspace: Workspace): Promise<Result<HistoryRuns>> {
  const store = await openHostHistory(workspace)
  if (!store.ok) return store
  if (store.value === null) return ok({ file: null, runs: [] })
  try {
    const runs = store.value.listRuns()
    if (!runs.ok) return runs
    const means = store.value.kpiMeans(runs.value.map((r) => r.id))
    if (!means.ok) return means
    return ok({ file: HOST_HISTORY_FILE, runs: runs.value.map((run) => ({ run, kpi_means: means.value.get(run.id)! })) })
  } finally {
    store.value.close()
  }
}

/** One run with its windows and episodes. */
export async function hostHistoryRun(workspace: Workspace, id: number): Promise<Result<HistoryRunDetail>> {
  const store = await openHostHistory(workspace)
  if (!store.ok) return store
  if (store.value === null) return { ok: false, error: { code: 'history.run_not_found', message: `there is no history yet: record a run with townlet run --history ${HOST_HISTORY_FILE} in the workspace` } }
  try {
    return store.value.showRun(id)
  } finally {
    store.value.close()
  }
}
