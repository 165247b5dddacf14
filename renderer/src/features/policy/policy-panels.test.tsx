/**
 * The Policy panel, the decision trace and the inspector's possession controls rendered to static
 * markup: what each shows for sample data, and that admin controls are disabled with the reason
 * for viewers.
 */
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { ConsoleSession } from '../../../../shared/contract/dto/console'
import { sampleAgentRow, sampleDecisionTrace, sampleObserverFull, samplePolicyStatus, sampleSession } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import type { Stores } from '../../stores/stores'
import { countOf, isDisabled, tagOf, textOf } from '../../testing/markup'
import { createTestSession, sessionFixture } from '../../testing/session-fixture'
import { AgentInspector } from '../inspector/agent-inspector'
import { VIEWER_REASON } from '../operator/command-gate'
import { PolicyPanel } from './policy-panel'
import { TraceSection, TraceView } from './trace-view'

const admin: ConsoleSession = { ...sampleSession, role: 'admin' }

function render(element: ReactElement, fill: (stores: Stores) => void = () => {}): string {
  const session = createTestSession(fill)
  return renderToStaticMarkup(<SessionProvider session={session}>{element}</SessionProvider>).replace(/<!-- -->/g, '')
}

function policy(stores: Stores, session: ConsoleSession = sampleSession, status = samplePolicyStatus()): void {
  stores.console.getState().setSession(session)
  stores.console.getState().setCommands(sessionFixture.commands)
  stores.policy.getState().setStatus(status, 0)
}

describe('Policy panel', () => {
  it('shows the identity, the anneal control, the models, latency, slots, decisions and possessed agents', () => {
    const html = render(<PolicyPanel />, (s) => policy(s))
    expect(tagOf(html, 'policy-panel')).toContain('data-backend="onnx"')
    expect(textOf(html, 'policy-model')).toBe('release.onnx')
    expect(textOf(html, 'policy-hash')).toBe('abababababab')
    expect(tagOf(html, 'policy-hash')).toContain(`title="${'ab'.repeat(32)}"`)
    expect(textOf(html, 'policy-variant')).toBe('hybrid')
    expect(textOf(html, 'policy-provider')).toBe('cpu')
    expect(tagOf(html, 'anneal-slider')).toContain('value="0.5"')
    expect(tagOf(html, 'anneal-slider')).toContain('step="0.05"')
    expect(textOf(html, 'anneal-value')).toBe('0.50')
    expect(countOf(html, 'anneal-step')).toBe(1)
    expect(html).toContain('release.onnx · acc 93.0% (running)')
    expect(html).toContain('candidate.onnx · acc 88.0%')
    expect(textOf(html, 'model-loaded')).toBe('release.onnx')
    expect(textOf(html, 'model-would-load')).toBe('release.onnx is loaded; Swap loads it again')
    expect(textOf(html, 'latency-last')).toBe('0.80')
    expect(textOf(html, 'latency-p95')).toBe('1.40')
    expect(countOf(html, 'latency-chart')).toBe(1)
    expect(textOf(html, 'embedding-in-use')).toBe('4/64')
    expect(countOf(html, 'embedding-reuse-warning')).toBe(0)
    expect(textOf(html, 'decisions-learned')).toBe('learned255')
    expect(tagOf(html, 'possessed-agent')).toContain('data-agent-id="bob"')
    expect(countOf(html, 'policy-notice')).toBe(0)
  })

  it('disables anneal, swap and release for viewers and says why; enables them for admins', () => {
    const viewer = render(<PolicyPanel />, (s) => policy(s))
    for (const id of ['anneal-slider', 'anneal-apply', 'model-select', 'model-swap', 'possessed-release']) expect(isDisabled(viewer, id), id).toBe(true)
    expect(textOf(viewer, 'command-disabled-reason')).toBe(VIEWER_REASON)
    expect(tagOf(viewer, 'anneal-apply')).toContain(`title="${VIEWER_REASON}"`)
    const adminHtml = render(<PolicyPanel />, (s) => policy(s, admin))
    for (const id of ['anneal-slider', 'anneal-apply', 'model-select', 'model-swap', 'possessed-release']) expect(isDisabled(adminHtml, id), id).toBe(false)
    expect(countOf(adminHtml, 'command-disabled-reason')).toBe(0)
  })

  it('shows the notice, the reuse warning and a scripted backend without a model', () => {
    const status = samplePolicyStatus({
      notice: 'CUDA was asked for but is not available: running on the CPU',
      embedding: { ...samplePolicyStatus().embedding, forced_reuse_count: 3, forced_reuse_rate: 0.2, reuse_warning: true, without_slot: 1 },
      latency: { last_ms: null, mean_ms: null, p95_ms: null, history: [] }
    })
    status.identity = { ...status.identity, backend: 'scripted', policy_hash: null, execution_provider: null, model: 'scripted' }
    const html = render(<PolicyPanel />, (s) => policy(s, admin, status))
    expect(textOf(html, 'policy-notice')).toContain('CUDA')
    expect(countOf(html, 'embedding-reuse-warning')).toBe(1)
    expect(textOf(html, 'embedding-forced-reuse')).toBe('3 (20.0%)')
    expect(textOf(html, 'policy-hash')).toBe('—')
    expect(countOf(html, 'policy-hash-copy')).toBe(0)
    // The select shows a model, but none is loaded: the cards say so, and what Swap would load.
    expect(textOf(html, 'policy-model')).toBe('scripted controller; no model loaded')
    expect(textOf(html, 'model-loaded')).toBe('scripted controller; no model loaded')
    expect(textOf(html, 'model-would-load')).toBe('would load release.onnx on Swap, from the next tick')
    expect(html).not.toContain('(running)')
    expect(textOf(html, 'latency-last')).toBe('—')
    expect(countOf(html, 'latency-empty')).toBe(1)
  })

  it('says it waits before the first status, and why a fetch failed', () => {
    expect(textOf(render(<PolicyPanel />), 'policy-status-line')).toBe('Waiting for the policy runtime…')
    const failed = render(<PolicyPanel />, (s) => s.policy.getState().setError('app.unsupported: no policy runtime'))
    expect(textOf(failed, 'policy-status-line')).toContain('app.unsupported')
  })
})

describe('Decision trace', () => {
  it('shows who decided, the choice, the mask, the top-k probabilities, heatmaps and features', () => {
    const html = render(<TraceView trace={sampleDecisionTrace()} />)
    expect(textOf(html, 'trace-decided-by')).toBe('learned')
    expect(textOf(html, 'trace-tick')).toBe('tick 12')
    expect(textOf(html, 'trace-chosen')).toBe('eat')
    expect(tagOf(html, 'trace-commitment')).toContain('data-held="false"')
    expect(textOf(html, 'trace-anneal-draw')).toBe('anneal draw 0.310 · embedding slot 0')
    expect(countOf(html, 'trace-mask-option')).toBe(7)
    expect(html).toContain('data-option="cook" data-allowed="false"')
    expect(html).toContain('data-option="eat" data-allowed="true"')
    expect(tagOf(html, 'trace-probabilities')).toContain('data-model="ran"')
    expect(countOf(html, 'trace-probability')).toBe(4)
    expect(html).toContain('70.0%')
    expect(countOf(html, 'trace-heatmap-self')).toBe(1)
    expect(countOf(html, 'trace-heatmap-objects')).toBe(1)
    expect(tagOf(html, 'trace-heatmap-self')).toContain('title="self: min 0, max 1"')
    expect(html).toMatch(/<canvas width="24" height="24"/)
    expect(countOf(html, 'trace-feature')).toBe(3)
    expect(textOf(html, 'trace-feature-count')).toBe('3/3')
  })

  it('says "scripted — no model ran" without probabilities, and a held commitment', () => {
    const trace = sampleDecisionTrace('alice', {
      decided_by: 'scripted',
      probabilities: null,
      anneal_draw: null,
      commitment: { option: 'sleep', since: 4, remaining: 3, held: true }
    })
    const html = render(<TraceView trace={trace} />)
    expect(textOf(html, 'trace-decided-by')).toBe('scripted')
    expect(textOf(html, 'trace-probabilities')).toBe('scripted — no model ran')
    expect(textOf(html, 'trace-commitment')).toBe('held by commitment: sleep since tick 4, 3 ticks left')
    expect(textOf(html, 'trace-anneal-draw')).toContain('no anneal draw')
  })

  it('names the operator, not the scripted controller, for a possessed agent', () => {
    const trace = sampleDecisionTrace('alice', { decided_by: 'operator', probabilities: null, anneal_draw: null })
    expect(textOf(render(<TraceView trace={trace} />), 'trace-probabilities')).toBe('operator — no model ran')
  })

  it('lists the recent decisions that changed something, newest first, and says when there are none', () => {
    const html = render(<TraceView trace={sampleDecisionTrace()} />)
    expect(tagOf(html, 'trace-history')).toContain('data-count="2"')
    expect(countOf(html, 'trace-history-entry')).toBe(2)
    expect(html.indexOf('data-tick="12"')).toBeLessThan(html.indexOf('data-tick="3"'))
    expect(html).toContain('eat 62%')
    const none = render(<TraceView trace={sampleDecisionTrace('alice', { history: [] })} />)
    expect(textOf(none, 'trace-history')).toBe('no recent decisions that changed anything')
  })

  it('shows loading, gone and error states', () => {
    expect(textOf(render(<TraceSection state={{ status: 'loading' }} />), 'trace-status')).toBe('loading…')
    expect(textOf(render(<TraceSection state={{ status: 'gone' }} />), 'trace-status')).toBe('no decision for this agent')
    expect(textOf(render(<TraceSection state={{ status: 'error', message: 'x: y' }} />), 'trace-status')).toBe('trace unavailable (x: y)')
  })
})

describe('Possession in the inspector', () => {
  function inspect(id: string, session: ConsoleSession): string {
    return render(<AgentInspector />, (s) => {
      s.observer.getState().receive(sampleObserverFull(1, [sampleAgentRow({ x: 1 }), sampleAgentRow({ id: 'bob', x: 2 })]), 0)
      policy(s, session)
      s.ui.getState().select(id)
    })
  }

  it('offers Possess for an agent the policy drives, disabled for viewers', () => {
    const viewer = inspect('alice', sampleSession)
    expect(isDisabled(viewer, 'possess-button')).toBe(true)
    expect(countOf(viewer, 'release-button')).toBe(0)
    expect(countOf(viewer, 'operator-acts')).toBe(0)
    expect(countOf(viewer, 'decision-trace')).toBe(1)
    expect(isDisabled(inspect('alice', admin), 'possess-button')).toBe(false)
  })

  it('offers Release, walk, use and chat for a possessed agent', () => {
    const html = inspect('bob', admin)
    expect(isDisabled(html, 'release-button')).toBe(false)
    expect(textOf(html, 'possession-state')).toBe('possessed')
    expect(countOf(html, 'operator-acts')).toBe(1)
    expect(isDisabled(html, 'possess-walk')).toBe(true)
    expect(textOf(html, 'possess-walk-target')).toBe('no tile picked')
    expect(html).toContain('fridge_1 (fridge) · 1 tile')
    expect(html).toContain('alice · 1 tile')
    expect(isDisabled(html, 'possess-use')).toBe(false)
    expect(isDisabled(html, 'possess-chat')).toBe(false)
  })
})
