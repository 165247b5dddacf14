/**
 * Which policy runs: backend, model, hash (short; the full one on hover and copied with a click),
 * observation variant, execution provider, anneal ratio, commitment window and the option set.
 */
import { useState } from 'react'
import type { PolicyStatus } from '../../../../shared/contract/dto/policy'
import { Card } from '../../components/card'
import { copyText } from '../../components/copy-text'
import { loadedText } from './model-words'
import { shortHash } from './policy-commands'
import { formatFixed } from '../../components/format'

export function PolicyIdentity({ status }: { status: PolicyStatus }) {
  const id = status.identity
  const [copied, setCopied] = useState(false)
  return (
    <Card title="Active policy" testId="policy-identity">
      <dl className="facts">
        <dt>backend</dt>
        <dd className="mono" data-testid="policy-backend">
          {id.backend}
        </dd>
        <dt>model</dt>
        <dd className="mono" data-testid="policy-model">
          {loadedText(id)}
        </dd>
        <dt>policy hash</dt>
        <dd className="mono">
          <span data-testid="policy-hash" title={id.policy_hash ?? 'the scripted controller has no model bytes to hash'} data-full={id.policy_hash ?? ''}>
            {shortHash(id.policy_hash)}
          </span>
          {id.policy_hash ? (
            <button
              type="button"
              className="icon copy-button"
              data-testid="policy-hash-copy"
              title="Copy the full sha256"
              aria-label="Copy the full policy hash"
              onClick={() => void copyText(id.policy_hash ?? '').then(setCopied)}
            >
              {/* ❐, not ⧉: the common Linux fonts (DejaVu) have no glyph for the latter. */}
              {copied ? '✓' : '❐'}
            </button>
          ) : null}
        </dd>
        <dt>observation</dt>
        <dd className="mono" data-testid="policy-variant">
          {id.observation_variant}
        </dd>
        <dt>execution provider</dt>
        <dd className="mono" data-testid="policy-provider">
          {id.execution_provider ?? '— (no model)'}
        </dd>
        <dt>anneal ratio</dt>
        <dd className="mono" data-testid="policy-anneal-ratio" title="Chance that a decision comes from the model">
          {formatFixed(id.anneal_ratio)}
        </dd>
        <dt>commitment</dt>
        <dd className="mono" data-testid="policy-commit-ticks">
          {status.commit_ticks} ticks
        </dd>
        <dt>options</dt>
        <dd>
          <ul className="chips" data-testid="policy-options">
            {id.option_set.map((o) => (
              <li key={o} className="chip mono">
                {o}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </Card>
  )
}

/** A notice from the runtime (e.g. CUDA asked for, CPU in use), above the cards. */
export function PolicyNotice({ notice }: { notice: string | null }) {
  if (notice === null) return null
  return (
    <div className="banner banner-policy span-3" role="status" data-testid="policy-notice">
      <span className="banner-text">{notice}</span>
    </div>
  )
}
