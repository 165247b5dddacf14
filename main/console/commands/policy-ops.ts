/**
 * Commands an operator uses to steer the policy: `anneal_set` (the chance a decision comes from
 * the model rather than the scripted controller), `possess` / `release` (take an agent over from
 * the policy, give it back) and `operator_act` (tell a possessed agent what to do: walk to a
 * tile, use an object, chat with someone). All are queued for the tick, so they replay from the
 * input log; the engine checks again what only the live world can tell (main/sim/policy/policy-ops.ts).
 */
import type { AgentOption } from '../../../shared/contract/dto/world-summary'
import type { World } from '../../sim/state/world'
import { queue, refuse, type CommandRun } from '../command'
import { resolveAgent, resolveObject, tileProblem } from '../resolve-ids'

export const annealSetRun: CommandRun<'anneal_set'> = (_ctx, args) => {
  return queue({ op: 'anneal_set', ratio: args.ratio })
}

export const possessRun: CommandRun<'possess'> = ({ world }, args) => {
  const agent = resolveAgent(world, args.agent)
  if (!agent.ok) return refuse(agent.code, agent.message)
  return queue({ op: 'possess', agent: agent.index })
}

export const releaseRun: CommandRun<'release'> = ({ world }, args) => {
  const agent = resolveAgent(world, args.agent)
  if (!agent.ok) return refuse(agent.code, agent.message)
  return queue({ op: 'release', agent: agent.index })
}

export const operatorActRun: CommandRun<'operator_act'> = ({ world }, args) => {
  const agent = resolveAgent(world, args.agent)
  if (!agent.ok) return refuse(agent.code, agent.message)
  const i = agent.index
  if (world.state.agents.cols.possessed[i] !== 1) {
    return refuse('console.conflict', `agent "${args.agent}" is not possessed, so the policy drives it: run possess agent=${args.agent} first`)
  }
  switch (args.action) {
    case 'walk': {
      if (args.x === undefined || args.y === undefined) return refuse('console.invalid_args', 'walk needs the tile: give x and y')
      const problem = tileProblem(world, args.x, args.y)
      if (problem) return refuse('console.invalid_args', problem)
      return queue({ op: 'operator_act', agent: i, option: 'idle', object: -1, tile: args.y * world.params.map.width + args.x })
    }
    case 'use': {
      if (args.object === undefined) return refuse('console.invalid_args', 'use needs the object: give object, e.g. object=fridge_1')
      const object = resolveObject(world, args.object)
      if (!object.ok) return refuse(object.code, object.message)
      const option = optionOfObject(world, object.index)
      if (!option) return refuse('console.invalid_args', `"${args.object}" (a ${world.state.objects.types[object.index]}) has no affordance an agent can use`)
      return queue({ op: 'operator_act', agent: i, option, object: object.index })
    }
    case 'chat': {
      if (args.partner === undefined) return refuse('console.invalid_args', 'chat needs the partner: give partner, e.g. partner=bob')
      const partner = resolveAgent(world, args.partner)
      if (!partner.ok) return refuse(partner.code, partner.message)
      if (partner.index === i) return refuse('console.invalid_args', `partner is "${args.partner}" itself: name another agent`)
      return queue({ op: 'operator_act', agent: i, option: 'socialise', object: -1, partner: partner.index })
    }
  }
}

/** The option an object serves: the first affordance (in registry order) for its type. */
function optionOfObject(world: World, o: number): AgentOption | undefined {
  const type = world.state.objects.types[o]
  return world.registry.affordances.find((c) => c.spec.object_type === type)?.spec.option
}
