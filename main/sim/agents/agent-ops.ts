/**
 * The agents domain's console operations: set a need or the wallet, teleport, `spawn` a newcomer
 * and `kill` one (which leaves by the same way out as a lifecycle exit, agents/enter-leave.ts).
 * Merged with the other domains' handlers in console-ops.ts.
 */
import { emit } from '../state/world'
import { living, missing, type OpHandlers } from '../op-handler'
import { dropCurrent } from './drop-current'
import { leaveTown } from './enter-leave'
import { spawnAgent } from './spawn-agent'

export const agentOps: OpHandlers<'set_need' | 'set_wallet' | 'teleport' | 'spawn' | 'kill'> = {
  set_need(world, op) {
    if (!living(world, op.agent)) return missing(op.agent)
    const a = world.state.agents.cols
    a[op.need][op.agent] = Math.min(1, Math.max(0, op.value))
    return { ok: true, value: { agent_id: world.state.agents.ids[op.agent]!, need: op.need, value: a[op.need][op.agent]! } }
  },

  set_wallet(world, op) {
    if (!living(world, op.agent)) return missing(op.agent)
    world.state.agents.cols.wallet[op.agent] = op.value
    return { ok: true, value: { agent_id: world.state.agents.ids[op.agent]!, wallet: op.value } }
  },

  teleport(world, op) {
    if (!living(world, op.agent)) return missing(op.agent)
    const { state, params } = world
    const a = state.agents.cols
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
    emit(state, 'agent_teleported', { agent_id: state.agents.ids[op.agent]!, x: op.x, y: op.y })
    return { ok: true, value: { agent_id: state.agents.ids[op.agent]!, x: op.x, y: op.y } }
  },

  spawn: spawnAgent,

  kill(world, op) {
    if (!living(world, op.agent)) return missing(op.agent)
    leaveTown(world, op.agent)
    const id = world.state.agents.ids[op.agent]!
    emit(world.state, 'agent_killed', { agent_id: id, reason: op.reason ?? 'console' }, { agent: op.agent })
    return { ok: true, value: { agent_id: id, killed: true } }
  }
}
