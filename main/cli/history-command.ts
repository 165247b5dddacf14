/**
 * `townlet history list|show RUN --db F.sqlite [--json]`: the runs a history file holds
 * (docs/history.md), read-only. The file resolves inside the workspace. Exit 0 on success, 2 when
 * the file or the run cannot be used (its history.* code and why, on stderr; with --json also as
 * `{ok: false, error}` on stdout), 1 on a runtime failure.
 */
import { parseArgs } from 'node:util'
import type { HistoryRun, HistoryRunDetail } from '../../shared/contract/dto/history'
import type { AppError } from '../../shared/result'
import { resolveHistoryPath } from '../history/history-path'
import { RunHistory } from '../history/run-history'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { cliFiles, WORKSPACE_OPTION } from './cli-workspace'

const OPTIONS = { db: { type: 'string' }, json: { type: 'boolean', default: false }, ...WORKSPACE_OPTION } as const
/** Run ids are SQLite rowids: positive, at most 2^53 - 1 here (what a JS number holds exactly). */
const RUN_ID = /^[1-9][0-9]{0,15}$/

export async function historyCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  if (sub !== 'list' && sub !== 'show') throw new UsageError(`${sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub.slice(0, 40)}"`}: use list or show\nSee: townlet help history`)
  let parsed
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]}\nSee: townlet help history`)
  }
  const { values, positionals } = parsed
  const want = sub === 'show' ? 1 : 0
  if (positionals.length !== want) throw new UsageError(`history ${sub} takes ${sub === 'show' ? 'RUN (a run id from townlet history list)' : 'no arguments'}\nSee: townlet help history`)
  if (values.db === undefined || values.db === '') throw new UsageError(`history ${sub} needs --db F.sqlite (a history file townlet run --history wrote)`)
  const json = values.json === true
  let runId = 0
  if (sub === 'show') {
    const raw = positionals[0]!
    runId = RUN_ID.test(raw) ? Number(raw) : NaN
    if (!Number.isSafeInteger(runId)) return refuse(io, json, { code: 'history.invalid_run_id', message: `"${raw.slice(0, 24)}${raw.length > 24 ? '…' : ''}" is not a run id: a run id is a positive whole number (see townlet history list)` })
  }
  const files = await cliFiles(io, values.workspace)
  const path = await resolveHistoryPath(values.db, files, { write: false })
  if (!path.ok) return refuse(io, json, path.error)
  const store = await RunHistory.open(path.value, { write: false })
  if (!store.ok) return refuse(io, json, store.error)
  try {
    if (sub === 'list') {
      const runs = store.value.listRuns()
      if (!runs.ok) return refuse(io, json, runs.error)
      io.stdout.write(json ? `${JSON.stringify({ ok: true, runs: runs.value })}\n` : formatList(values.db, runs.value))
    } else {
      const detail = store.value.showRun(runId)
      if (!detail.ok) return refuse(io, json, detail.error)
      io.stdout.write(json ? `${JSON.stringify({ ok: true, ...detail.value })}\n` : formatDetail(detail.value))
    }
    return EXIT.ok
  } finally {
    store.value.close()
  }
}

/** A file or run that cannot be used: exit 2 with its code and message (and as JSON when asked). */
function refuse(io: CliIo, json: boolean, error: AppError): number {
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: { code: error.code, message: error.message } })}\n`)
  io.stderr.write(`townlet history: ${error.code}: ${error.message}\n`)
  return EXIT.usage
}

function formatList(db: string, runs: readonly HistoryRun[]): string {
  if (runs.length === 0) return `no runs in ${db}\n`
  const lines = runs.map((r) => `${String(r.id).padStart(5)}  ${new Date(r.started_ms).toISOString()}  ${r.status.padEnd(11)} ${clean(r.config_id)} seed ${r.seed}, ${r.agents} agents, ${r.ticks} ticks, ${r.policy.backend === 'scripted' ? 'scripted' : clean(r.policy.model)}`)
  return `${'   id'}  started                   status      run\n${lines.join('\n')}\n`
}

/** A string from the file, for a terminal: control characters (escapes) shown as '?'. */
// eslint-disable-next-line no-control-regex
const clean = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')

const pct = (v: number | null): string => (v === null ? '–' : `${(v * 100).toFixed(1)}%`)

function formatDetail({ run, windows, episodes }: HistoryRunDetail): string {
  const out = [
    `run ${run.id}: ${clean(run.config_id)} (config sha256 ${run.config_sha256.slice(0, 12)}…), seed ${run.seed}, ${run.agents} agents`,
    `status ${run.status}; ticks ${run.start_tick + 1}–${run.start_tick + run.ticks} (${run.ticks}); started ${new Date(run.started_ms).toISOString()}${run.ended_ms === null ? '' : `, ended ${new Date(run.ended_ms).toISOString()}`}`,
    `policy: ${run.policy.backend === 'scripted' ? 'scripted controller' : `${clean(run.policy.model)} (sha256 ${run.policy.policy_hash?.slice(0, 12) ?? '?'}…)`}`,
    `${run.windows} KPI windows, ${run.episodes} episodes${run.dropped.windows + run.dropped.episodes > 0 ? ` (${run.dropped.windows} windows and ${run.dropped.episodes} episodes past the run's bound were not kept)` : ''}`
  ]
  if (windows.length > 0) {
    out.push('', 'ticks            self-suff.  coverage  starvation  lateness  alerts')
    for (const w of windows) {
      const k = w.kpis
      out.push(`${`${w.from_tick}–${w.to_tick}`.padEnd(17)}${pct(k?.self_sufficiency ?? null).padStart(10)}  ${pct(k?.relationship_coverage ?? null).padStart(8)}  ${String(k?.starvation_incidents ?? '–').padStart(10)}  ${pct(k?.lateness_rate ?? null).padStart(8)}  ${w.alerts.map((a) => clean(a.name)).join(', ') || '–'}`)
    }
  }
  const causes = new Map<string, number>()
  for (const e of episodes) {
    const cause = e.cause === null ? 'in town at the end' : clean(e.cause)
    causes.set(cause, (causes.get(cause) ?? 0) + 1)
  }
  if (causes.size > 0) out.push('', `episodes: ${[...causes].map(([c, n]) => `${n} ${c}`).join(', ')}`)
  return `${out.join('\n')}\n`
}
