/**
 * The inspector's decision trace for one agent: who decided and when, the chosen option and its
 * commitment, the mask, the model's top-k probabilities, the anneal draw, the map channels as
 * heatmaps and the named features. `DecisionTrace` fetches; `TraceView` draws (render tests).
 */
import { useMemo } from 'react'
import type { DecisionTrace as Trace } from '../../../../shared/contract/dto/policy'
import { formatFixed, formatPercent } from '../../components/format'
import { ValueBar } from '../../components/value-bar'
import { channelGrids, topK } from './trace-data'
import { TraceFeatures } from './trace-features'
import { TraceHeatmap } from './trace-heatmap'
import { TraceHistory } from './trace-history'
import type { TraceState } from './trace-state'
import { useDecisionTrace } from './use-decision-trace'

export function DecisionTrace({ id }: { id: string }) {
  return <TraceSection state={useDecisionTrace(id)} />
}

/** The section for a trace state: a status line until a trace has come. */
export function TraceSection({ state }: { state: TraceState }) {
  if (state.status !== 'ok') {
    const text = state.status === 'loading' ? 'loading…' : state.status === 'gone' ? 'no decision for this agent' : `trace unavailable (${state.message})`
    return (
      <section className="inspector-section decision-trace" aria-label="decision trace" data-testid="decision-trace" data-status={state.status}>
        <h3>decision trace</h3>
        <p className={state.status === 'error' ? 'warn-text' : 'dim'} data-testid="trace-status">
          {text}
        </p>
      </section>
    )
  }
  return <TraceView trace={state.trace} />
}

export function TraceView({ trace }: { trace: Trace }) {
  const grids = useMemo(() => channelGrids(trace.map), [trace.map])
  const c = trace.commitment
  return (
    <section className="inspector-section decision-trace" aria-label="decision trace" data-testid="decision-trace" data-status="ok" data-tick={trace.tick}>
      <h3>decision trace</h3>
      <div className="trace-head">
        <DecidedBy by={trace.decided_by} />
        <span className="mono" data-testid="trace-tick" title="The tick whose state the observation shows; the decision applies at the next one">
          tick {trace.tick}
        </span>
        <span>
          chose <b className="mono" data-testid="trace-chosen">{trace.chosen}</b>
        </span>
      </div>
      <p className="trace-line" data-testid="trace-commitment" data-held={c.held}>
        {c.held ? (
          <>
            held by commitment: <span className="mono">{c.option}</span> since tick {c.since}, {c.remaining} tick{c.remaining === 1 ? '' : 's'} left
          </>
        ) : (
          <>
            committed to <span className="mono">{c.option}</span> since tick {c.since}
            {c.remaining > 0 ? `, ${c.remaining} tick${c.remaining === 1 ? '' : 's'} left` : ''}
          </>
        )}
      </p>
      <p className="trace-line dim" data-testid="trace-anneal-draw">
        {trace.anneal_draw === null ? 'no anneal draw' : `anneal draw ${formatFixed(trace.anneal_draw, 3)}`} · embedding slot {trace.embedding_slot}
      </p>
      {trace.guardrail && (
        <p className="trace-line trace-guardrail" data-testid="trace-guardrail">
          guardrail: {trace.guardrail} — the model&apos;s choice served no critical need, so its most probable option that does was taken
        </p>
      )}
      <TraceMask mask={trace.mask} chosen={trace.chosen} />
      <TraceProbabilities probabilities={trace.probabilities} chosen={trace.chosen} by={trace.decided_by} />
      <TraceHistory history={trace.history} />
      <div className="trace-heatmaps" data-testid="trace-heatmaps">
        {grids.map((grid) => (
          <TraceHeatmap key={grid.name} grid={grid} />
        ))}
      </div>
      <TraceFeatures features={trace.features} />
    </section>
  )
}

export function DecidedBy({ by }: { by: Trace['decided_by'] }) {
  const label = by ?? 'none'
  return (
    <span className={`decided-badge decided-${label}`} data-testid="trace-decided-by" data-decided-by={label} title="Who made this decision">
      {label}
    </span>
  )
}

function TraceMask({ mask, chosen }: { mask: Trace['mask']; chosen: string }) {
  return (
    <ul className="chips trace-mask" data-testid="trace-mask" aria-label="option mask">
      {mask.map((m) => (
        <li
          key={m.option}
          className={`chip mask-chip ${m.allowed ? 'mask-allowed' : 'mask-blocked'}${m.option === chosen ? ' mask-chosen' : ''}`}
          data-testid="trace-mask-option"
          data-option={m.option}
          data-allowed={m.allowed}
          title={m.allowed ? `${m.option}: allowed` : `${m.option}: blocked (unavailable)`}
        >
          {m.allowed ? '' : '⊘ '}
          {m.option}
        </li>
      ))}
    </ul>
  )
}

function TraceProbabilities({ probabilities, chosen, by }: { probabilities: Trace['probabilities']; chosen: string; by: Trace['decided_by'] }) {
  if (probabilities === null) {
    // Who decided instead: a possessed agent's decision is the operator's, not the scripted controller's.
    return (
      <p className="dim trace-line" data-testid="trace-probabilities" data-model="none">
        {`${by ?? 'no decision'} — no model ran`}
      </p>
    )
  }
  const top = topK(probabilities)
  return (
    <table className="data-table compact trace-probabilities" data-testid="trace-probabilities" data-model="ran">
      <tbody>
        {top.map((p) => (
          <tr key={p.option} className={p.option === chosen ? 'chosen' : undefined} data-testid="trace-probability" data-option={p.option}>
            <td className="mono">{p.option}</td>
            <td className="bar-cell">
              <ValueBar value={p.p} tone={p.option === chosen ? 'pos' : 'dim'} label={`${p.option} ${formatPercent(p.p)}`} />
            </td>
            <td className="mono num right">{formatPercent(p.p, 1)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
