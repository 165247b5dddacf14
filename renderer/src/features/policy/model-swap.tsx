/**
 * Swap the running model for another under configs/policies: a select of the models with their
 * accuracy and short sha, what is loaded now and what Swap would load, the chosen one's facts,
 * and Swap (`policy_swap`). The host checks the model; a refusal (wrong variant, bad file) is
 * shown as the command's result.
 */
import { useState } from 'react'
import type { PolicyStatus } from '../../../../shared/contract/dto/policy'
import { Card } from '../../components/card'
import { fieldValue } from '../../components/field-value'
import { LastResult, useLastResult } from '../operator/last-result'
import { loadedText, wouldLoadText } from './model-words'
import { shortHash, swapArgs } from './policy-commands'
import type { PolicyOperator } from './use-policy-operator'
import { formatPercent } from '../../components/format'

type Model = PolicyStatus['models'][number]

/** "release.onnx · acc 93.0%": short enough for the select; the hash is in the facts below it. */
export function modelLabel(model: Model): string {
  const accuracy = model.accuracy === null ? 'acc —' : `acc ${formatPercent(model.accuracy, 1)}`
  return `${model.name} · ${accuracy}`
}

export function ModelSwap({ status, operator }: { status: PolicyStatus; operator: PolicyOperator }) {
  const models = status.models
  const running = models.find((m) => m.sha256 !== null && m.sha256 === status.identity.policy_hash)
  const [picked, setPicked] = useState<string | null>(null)
  const { track, last } = useLastResult()
  const path = picked !== null && models.some((m) => m.path === picked) ? picked : (running?.path ?? models[0]?.path ?? '')
  const model = models.find((m) => m.path === path) ?? null
  const off = !operator.gate.allowed
  const isRunning = model !== null && model === running
  const otherVariant = model?.observation_variant && model.observation_variant !== status.identity.observation_variant

  return (
    <Card title="Model" testId="model-swap-card">
      {models.length === 0 ? (
        <p className="dim" data-testid="model-none">
          no models under configs/policies
        </p>
      ) : (
        <>
          <div className="action-row">
            <select className="model-select" data-testid="model-select" aria-label="Model" value={path} disabled={off} onChange={(e) => setPicked(fieldValue(e))}>
              {models.map((m) => (
                <option key={m.path} value={m.path}>
                  {`${modelLabel(m)}${m === running ? ' (running)' : ''}`}
                </option>
              ))}
            </select>
            <button
              type="button"
              data-testid="model-swap"
              disabled={off || model === null}
              title={operator.gate.reason ?? (isRunning ? 'Load this model again' : 'Load this model from the next tick')}
              onClick={() => model && void operator.run('policy_swap', swapArgs(model.path)).then(track)}
            >
              Swap
            </button>
          </div>
          <dl className="facts model-facts" data-testid="model-state">
            <dt>loaded</dt>
            <dd className="mono" data-testid="model-loaded">
              {loadedText(status.identity)}
            </dd>
            <dt>chosen</dt>
            <dd data-testid="model-would-load">{wouldLoadText(model, running)}</dd>
          </dl>
          {model ? (
            <dl className="facts model-facts" data-testid="model-facts">
              <dt>path</dt>
              <dd className="mono">{model.path}</dd>
              <dt>sha256</dt>
              <dd className="mono" title={model.sha256 ?? ''}>
                {shortHash(model.sha256)}
              </dd>
              <dt>accuracy</dt>
              <dd className="mono">{model.accuracy === null ? '—' : formatPercent(model.accuracy, 1)}</dd>
              <dt>observation</dt>
              <dd className={`mono${otherVariant ? ' warn-text' : ''}`} data-testid="model-variant">
                {model.observation_variant ?? '—'}
                {otherVariant ? ` (the town observes ${status.identity.observation_variant})` : ''}
              </dd>
            </dl>
          ) : null}
        </>
      )}
      <div className="action-row">
        <LastResult result={last} testId="model-swap-result" />
      </div>
    </Card>
  )
}
