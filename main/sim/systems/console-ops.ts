/**
 * Apply console operations at the tick boundary, first in the tick so the rest of the tick sees
 * them. Each operation answers with one `console.result` event (status ok with a payload, or
 * error with a code), so the result is part of the tick's record and replays with it. Arguments
 * arrive checked by the console pipeline; what only the live world can tell (the agent is still
 * there, the tile is free) is checked here, and a refused operation changes nothing.
 */
import type { ConsoleOp } from '../inputs'
import { emit, type JsonValue, type World } from '../state/world'
import { arrangeMeet, cancelPerturbation, triggerPerturbation } from '../perturbations/manual-ops'
import { dropCurrent } from '../agents/drop-current'
import { spawnAgent } from './spawn-agent'
import { forceChat } from '../society/force-chat'
import { applyEmploymentExit } from '../lifecycle/employment-console'
import { leaveTown } from '../agents/enter-leave'
import { applyPolicyOp } from '../policy/policy-ops'

export type OpOutcome = { ok: true; value: { [key: string]: JsonValue } } | { ok: false; code: string; message: string }

export function applyConsoleOps(world: World, ops: readonly ConsoleOp[]): void {
  for (const op of ops) {
    const outcome = applyOp(world, op)
    emit(world.state, 'console.result', {
      cmd_id: op.cmd_id ?? null,
      op: op.op,
      status: outcome.ok ? 'ok' : 'error',
      ...(outcome.ok ? { result: outcome.value } : { code: outcome.code, message: outcome.message })
    })
  }
}

const missing = (agent: number): OpOutcome => ({ ok: false, code: 'console.not_found', message: `agent slot ${agent} is not in the town (it may have left): list agents with telemetry_snapshot` })

function living(world: World, agent: number): boolean {
  return agent >= 0 && agent < world.state.agents.count && world.state.agents.cols.alive[agent] === 1
}

export function applyOp(world: World, op: ConsoleOp): OpOutcome {
  const { state, params } = world
  const a = state.agents.cols
  const ids = state.agents.ids
  switch (op.op) {
    case 'set_need': {
      if (!living(world, op.agent)) return missing(op.agent)
      a[op.need][op.agent] = Math.min(1, Math.max(0, op.value))
      return { ok: true, value: { agent_id: ids[op.agent]!, need: op.need, value: a[op.need][op.agent]! } }
    }
    case 'set_wallet': {
      if (!living(world, op.agent)) return missing(op.agent)
      a.wallet[op.agent] = op.value
      return { ok: true, value: { agent_id: ids[op.agent]!, wallet: op.value } }
    }
    case 'set_price': {
      const before = state.prices[op.key]
      const after = op.mode === 'add' ? before + op.value : op.mode === 'multiply' ? before * op.value : op.value
      state.prices[op.key] = Math.max(0, Math.round(after * 1e6) / 1e6)
      emit(state, 'price_changed', { key: op.key, before, value: state.prices[op.key] })
      return { ok: true, value: { key: op.key, before, value: state.prices[op.key] } }
    }
    case 'set_utility': {
      state.utilities[op.utility] = op.on
      emit(state, 'utility_changed', { utility: op.utility, on: op.on })
      return { ok: true, value: { utility: op.utility, on: op.on } }
    }
    case 'spawn':
      return spawnAgent(world, op)
    case 'kill': {
      if (!living(world, op.agent)) return missing(op.agent)
      leaveTown(world, op.agent)
      emit(state, 'agent_killed', { agent_id: ids[op.agent]!, reason: op.reason ?? 'console' })
      return { ok: true, value: { agent_id: ids[op.agent]!, killed: true } }
    }
    case 'teleport': {
      if (!living(world, op.agent)) return missing(op.agent)
      const { width, height } = params.map
      const to = op.y * width + op.x
      if (op.x < 0 || op.y < 0 || op.x >= width || op.y >= height || params.blocked[to] === 1) {
        return { ok: false, code: 'console.invalid_args', message: `(${op.x}, ${op.y}) is not an open floor tile: pick a '.' tile inside the ${width}×${height} map` }
      }
      if (state.tileCount[to]! >= params.tileCapacity) return { ok: false, code: 'console.invalid_args', message: `(${op.x}, ${op.y}) already holds ${params.tileCapacity} people (the tile capacity): pick another tile` }
      dropCurrent(world, op.agent)
      state.tileCount[a.y[op.agent]! * width + a.x[op.agent]!]!--
      state.tileCount[to]!++
      a.x[op.agent] = op.x
      a.y[op.agent] = op.y
      emit(state, 'agent_teleported', { agent_id: ids[op.agent]!, x: op.x, y: op.y })
      return { ok: true, value: { agent_id: ids[op.agent]!, x: op.x, y: op.y } }
    }
    case 'force_chat':
      if (!living(world, op.speaker)) return missing(op.speaker)
      if (!living(world, op.listener)) return missing(op.listener)
      return forceChat(world, op)
    case 'perturbation_trigger':
      return triggerPerturbation(world, op)
    case 'perturbation_cancel':
      return cancelPerturbation(world, op)
    case 'arrange_meet':
      return arrangeMeet(world, op)
    case 'employment_exit':
      if (!living(world, op.agent)) return missing(op.agent)
      return applyEmploymentExit(world, op.agent, op.action)
    case 'possess':
    case 'release':
    case 'operator_act':
    case 'anneal_set':
      return applyPolicyOp(world, op)
  }
}
