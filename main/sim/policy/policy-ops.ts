/**
 * The console's policy operations, applied at the tick boundary (merged in console-ops.ts):
 * `possess` / `release` an agent, `operator_act` (a Decision for a possessed agent, carried out
 * exactly as the policy's would be) and `anneal_set`. The console pipeline resolved ids and
 * checked arguments; here only what the live world can tell is checked again.
 */
import { OPTION_INDEX, PHASE_NAMES } from '../state/agent-store'
import { living, missing, type OpHandlers, type OpOf, type OpOutcome } from '../op-handler'
import type { World } from '../state/world'
import { applyDecision } from '../systems/decisions'
import { setAnnealRatio } from './policy-inputs'
import { setPossessed } from './possession'

type PolicyOpName = 'possess' | 'release' | 'operator_act' | 'anneal_set'

/** The policy's console operations, merged in console-ops.ts. */
export const policyOps: OpHandlers<PolicyOpName> = {
  possess: applyPolicyOp,
  release: applyPolicyOp,
  operator_act: applyPolicyOp,
  anneal_set: applyPolicyOp
}

function applyPolicyOp(world: World, op: OpOf<PolicyOpName>): OpOutcome {
  const ids = world.state.agents.ids
  switch (op.op) {
    case 'possess':
    case 'release': {
      if (!living(world, op.agent)) return missing(op.agent)
      const possessed = op.op === 'possess'
      const changed = setPossessed(world, op.agent, possessed, 'console')
      return { ok: true, value: { agent_id: ids[op.agent]!, possessed, changed } }
    }
    case 'operator_act':
      return operatorAct(world, op)
    case 'anneal_set': {
      if (!Number.isFinite(op.ratio) || op.ratio < 0 || op.ratio > 1) return { ok: false, code: 'console.invalid_args', message: `anneal ratio ${op.ratio} is not a probability: use a value from 0 to 1` }
      const previous = setAnnealRatio(world, op.ratio, 'console')
      return { ok: true, value: { ratio: op.ratio, previous } }
    }
  }
}

function operatorAct(world: World, op: OpOf<'operator_act'>): OpOutcome {
  const { state, params } = world
  const a = state.agents.cols
  const ids = state.agents.ids
  const i = op.agent
  if (!living(world, i)) return missing(i)
  if (a.possessed[i] !== 1) return { ok: false, code: 'console.conflict', message: `agent "${ids[i]}" is not possessed, so the policy drives it: possess it first (possess agent=${ids[i]}), then act` }
  if (OPTION_INDEX[op.option] === undefined) return { ok: false, code: 'console.invalid_args', message: `"${String(op.option)}" is not an option` }
  const needsObject = op.option !== 'idle' && op.option !== 'work' && op.option !== 'socialise'
  if (needsObject && !(op.object >= 0 && op.object < state.objects.count)) return { ok: false, code: 'console.invalid_args', message: `option ${op.option} needs an object to use` }
  if (op.option === 'socialise' && (op.partner === undefined || op.partner === i || !living(world, op.partner))) {
    return op.partner === undefined || op.partner === i ? { ok: false, code: 'console.invalid_args', message: 'a chat needs a partner other than the agent itself' } : missing(op.partner)
  }
  const tiles = params.map.width * params.map.height
  if (op.tile !== undefined && !(Number.isInteger(op.tile) && op.tile >= 0 && op.tile < tiles && params.blocked[op.tile] !== 1)) {
    return { ok: false, code: 'console.invalid_args', message: `tile ${op.tile} is not open floor on the ${params.map.width}×${params.map.height} map` }
  }
  applyDecision(world, {
    agent: i,
    option: op.option,
    object: needsObject ? op.object : -1,
    ...(op.partner === undefined ? {} : { partner: op.partner }),
    ...(op.tile === undefined ? {} : { tile: op.tile })
  })
  const failed = state.agents.failReason[i]!
  return {
    ok: true,
    value: {
      agent_id: ids[i]!,
      option: op.option,
      object_id: needsObject ? state.objects.ids[op.object]! : null,
      partner_id: op.partner === undefined ? null : ids[op.partner]!,
      tile: op.tile === undefined ? null : [op.tile % params.map.width, Math.floor(op.tile / params.map.width)],
      phase: PHASE_NAMES[a.phase[i]!]!,
      started: failed === '',
      ...(failed === '' ? {} : { reason: failed })
    }
  }
}
