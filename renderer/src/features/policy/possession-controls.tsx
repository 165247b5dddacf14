/**
 * Possession in the inspector (admin): Possess or Release the selected agent; while it is
 * possessed its decisions come from here — walk to a tile (picked on the map, as teleport's is),
 * use an object (nearest first) or chat with an agent nearby — each an `operator_act`.
 * Whether it is possessed comes from `policy.status`, watched while this section is shown.
 */
import { useEffect, useMemo, useState } from 'react'
import type { ConsoleArgs } from '../../../../shared/contract/console-commands'
import type { AgentRow } from '../../../../shared/contract/dto/observer'
import { useCommands, useObserverSampled, usePolicy, useUi } from '../../app/session-context'
import { fieldValue } from '../../components/field-value'
import { parseTileCoord } from '../inspector/action-inputs'
import { LastResult, useLastResult } from '../operator/last-result'
import { operatorActArgs, possessArgs, releaseArgs } from './policy-commands'
import type { OperatorAct, PolicyCommandName } from './policy-commands'
import { agentTargets, objectTargets } from './possession-targets'
import { usePolicyOperator } from './use-policy-operator'

export function PossessionControls({ agent }: { agent: AgentRow }) {
  const commands = useCommands()
  useEffect(() => commands.watchPolicy(), [commands])
  const possessed = usePolicy((s) => s.status?.possessed.includes(agent.id) ?? false)
  const known = usePolicy((s) => s.status !== null)
  const operator = usePolicyOperator()
  const { track, last } = useLastResult()
  const off = !operator.gate.allowed

  async function run<N extends PolicyCommandName>(name: N, args: ConsoleArgs<N>): Promise<void> {
    track(await operator.run(name, args))
  }

  return (
    <section className="inspector-section possession" aria-label="possession" data-testid="inspector-possession" data-possessed={possessed}>
      <h3>possession</h3>
      <div className="action-row">
        {possessed ? (
          <button type="button" data-testid="release-button" disabled={off} title={operator.gate.reason ?? 'Hand the agent back to the policy'} onClick={() => void run('release', releaseArgs(agent.id))}>
            Release
          </button>
        ) : (
          <button
            type="button"
            data-testid="possess-button"
            disabled={off || !known}
            title={operator.gate.reason ?? (known ? 'Decide for this agent yourself' : 'waiting for the policy status')}
            onClick={() => void run('possess', possessArgs(agent.id))}
          >
            Possess
          </button>
        )}
        <span className={`decided-badge ${possessed ? 'decided-operator' : 'decided-none'}`} data-testid="possession-state">
          {possessed ? 'possessed' : 'policy'}
        </span>
      </div>
      {possessed ? <OperatorActs agent={agent} off={off} onAct={(act) => void run('operator_act', operatorActArgs(agent.id, act))} /> : null}
      <div className="action-row">
        <LastResult result={last} testId="possession-last-result" />
      </div>
    </section>
  )
}

/** Walk to a picked tile, use an object, chat with someone nearby. */
function OperatorActs({ agent, off, onAct }: { agent: AgentRow; off: boolean; onAct: (act: OperatorAct) => void }) {
  const width = useObserverSampled((s) => s.map?.width ?? null, 1000)
  const height = useObserverSampled((s) => s.map?.height ?? null, 1000)
  const objectMap = useObserverSampled((s) => s.objects, 1000)
  const agentMap = useObserverSampled((s) => s.agents, 1000)
  const draft = useUi((s) => s.teleportDraft)
  const picking = useUi((s) => s.picking && s.pickPurpose === 'walk')
  const startPicking = useUi((s) => s.startPicking)
  const cancelPicking = useUi((s) => s.cancelPicking)
  const objects = useMemo(() => objectTargets(agent, objectMap.values()), [agent, objectMap])
  const partners = useMemo(() => agentTargets(agent, agentMap.values()), [agent, agentMap])
  const [object, setObject] = useState('')
  const [partner, setPartner] = useState('')
  const x = parseTileCoord(draft.x, width)
  const y = parseTileCoord(draft.y, height)
  // Until the operator picks, (or once the pick is gone) the nearest one is offered.
  const chosenObject = objects.some((o) => o.id === object) ? object : (objects[0]?.id ?? '')
  const chosenPartner = partners.some((a) => a.id === partner) ? partner : (partners[0]?.id ?? '')

  return (
    <div className="operator-acts" data-testid="operator-acts">
      <div className="action-row">
        <button
          type="button"
          data-testid="possess-walk-pick"
          disabled={off}
          aria-pressed={picking}
          title="Click a floor tile on the map"
          onClick={() => (picking ? cancelPicking() : startPicking('walk'))}
        >
          {picking ? 'Picking…' : 'Walk to…'}
        </button>
        <span className="mono dim" data-testid="possess-walk-target">
          {x !== null && y !== null ? `(${x}, ${y})` : 'no tile picked'}
        </span>
        <button type="button" data-testid="possess-walk" disabled={off || x === null || y === null} onClick={() => x !== null && y !== null && onAct({ action: 'walk', x, y })}>
          Walk
        </button>
      </div>
      <div className="action-row">
        <select data-testid="possess-object" aria-label="Object to use" disabled={off || objects.length === 0} value={chosenObject} onChange={(e) => setObject(fieldValue(e))}>
          {objects.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="button" data-testid="possess-use" disabled={off || chosenObject === ''} onClick={() => onAct({ action: 'use', object: chosenObject })}>
          Use object
        </button>
      </div>
      <div className="action-row">
        <select data-testid="possess-partner" aria-label="Agent to chat with" disabled={off || partners.length === 0} value={chosenPartner} onChange={(e) => setPartner(fieldValue(e))}>
          {partners.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
        <button type="button" data-testid="possess-chat" disabled={off || chosenPartner === ''} onClick={() => onAct({ action: 'chat', partner: chosenPartner })}>
          Chat with
        </button>
      </div>
    </div>
  )
}
