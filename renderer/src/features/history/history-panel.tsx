/**
 * The History panel: the runs recorded in the workspace's history.sqlite (`townlet run --history
 * history.sqlite`), one KPI charted across them (each run's mean over its windows), and one run
 * in detail when its row is picked. Fetched when the panel opens and on Refresh; nothing polls.
 */
import { useCallback, useEffect, useState } from 'react'
import { HISTORY_KPI_KEYS, type HistoryKpiMeans, type HistoryRunDetail, type HistoryRuns } from '../../../../shared/contract/dto/history'
import { useCommands } from '../../app/session-context'
import { Card } from '../../components/card'
import { HistoryChart, KPI_LABELS, kpiSeries } from './history-chart'
import { formatPercent } from '../../components/format'

type Runs = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: HistoryRuns }

export function HistoryPanel() {
  const commands = useCommands()
  const [runs, setRuns] = useState<Runs>({ state: 'loading' })
  const [kpi, setKpi] = useState<keyof HistoryKpiMeans>('self_sufficiency')
  const [detail, setDetail] = useState<HistoryRunDetail | string | null>(null)

  const refresh = useCallback(async () => {
    const result = await commands.historyRuns()
    setRuns(result.ok ? { state: 'ready', value: result.value } : { state: 'error', message: `${result.error.code}: ${result.error.message}` })
  }, [commands])
  useEffect(() => {
    void refresh()
  }, [refresh])

  const pick = async (id: number) => {
    const result = await commands.historyRun(id)
    setDetail(result.ok ? result.value : `${result.error.code}: ${result.error.message}`)
  }

  return (
    <div className="panel-grid" data-testid="history-panel" data-state={runs.state}>
      <Card title="Recorded runs" testId="history-runs" className="span-2" actions={<button type="button" data-testid="history-refresh" onClick={() => void refresh()}>Refresh</button>}>
        {runs.state === 'loading' ? <p className="dim">Reading the history…</p> : null}
        {runs.state === 'error' ? (
          <p className="warn-text" data-testid="history-error">
            {runs.message}
          </p>
        ) : null}
        {runs.state === 'ready' ? <RunTable runs={runs.value} selected={typeof detail === 'object' && detail ? detail.run.id : null} onPick={(id) => void pick(id)} /> : null}
      </Card>
      <Card
        title="A KPI across runs"
        testId="history-chart"
        actions={
          <select aria-label="KPI" data-testid="history-kpi" value={kpi} onChange={(e) => setKpi(e.target.value as keyof HistoryKpiMeans)}>
            {HISTORY_KPI_KEYS.map((k) => (
              <option key={k} value={k}>
                {KPI_LABELS[k]}
              </option>
            ))}
          </select>
        }
      >
        <div className="chart-box">{runs.state === 'ready' && runs.value.runs.length > 0 ? <HistoryChart data={kpiSeries(runs.value.runs, kpi)} kpi={kpi} /> : <p className="dim">No runs to chart.</p>}</div>
      </Card>
      {detail === null ? null : <RunDetail detail={detail} />}
    </div>
  )
}

function RunTable({ runs, selected, onPick }: { runs: HistoryRuns; selected: number | null; onPick(id: number): void }) {
  if (runs.runs.length === 0) {
    return (
      <p className="dim" data-testid="history-empty">
        No runs recorded yet. Record one into the workspace with <span className="mono">townlet run --ticks N --history history.sqlite</span>.
      </p>
    )
  }
  return (
    <table className="data-table" data-testid="history-table">
      <thead>
        <tr>
          <th>run</th>
          <th>config</th>
          <th>seed</th>
          <th className="right">agents</th>
          <th className="right">ticks</th>
          <th>policy</th>
          <th>status</th>
        </tr>
      </thead>
      <tbody>
        {runs.runs.map(({ run }) => (
          <tr key={run.id} data-testid="history-row" data-run={run.id} aria-selected={run.id === selected}>
            <td>
              <button type="button" className="link-button mono" data-testid="history-select" onClick={() => onPick(run.id)}>
                #{run.id}
              </button>
            </td>
            <td className="mono">{run.config_id}</td>
            <td className="num">{run.seed}</td>
            <td className="num right">{run.agents}</td>
            <td className="num right">{run.ticks}</td>
            <td className="mono">{run.policy.backend === 'scripted' ? 'scripted' : run.policy.model}</td>
            <td>{run.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function RunDetail({ detail }: { detail: HistoryRunDetail | string }) {
  if (typeof detail === 'string') {
    return (
      <Card title="Run" testId="history-detail">
        <p className="warn-text">{detail}</p>
      </Card>
    )
  }
  const { run, windows, episodes } = detail
  const ended = episodes.filter((e) => e.to_tick !== null).length
  return (
    <Card title={`Run #${run.id}`} testId="history-detail" className="span-3">
      <p data-testid="history-detail-summary">
        {run.config_id}, seed {run.seed}: {run.ticks} ticks, {windows.length} KPI windows, {episodes.length} lives ({ended} ended in the run)
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th>ticks</th>
            <th className="right">self-sufficiency</th>
            <th className="right">coverage</th>
            <th className="right">starvation</th>
            <th>alerts</th>
          </tr>
        </thead>
        <tbody>
          {windows.map((w) => (
            <tr key={w.from_tick} data-testid="history-window">
              <td className="num">
                {w.from_tick}–{w.to_tick}
              </td>
              <td className="num right">{pct(w.kpis?.self_sufficiency ?? null)}</td>
              <td className="num right">{pct(w.kpis?.relationship_coverage ?? null)}</td>
              <td className="num right">{w.kpis?.starvation_incidents ?? '—'}</td>
              <td>{w.alerts.map((a) => a.name).join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}

const pct = (v: number | null): string => (v === null ? '—' : formatPercent(v, 1))
