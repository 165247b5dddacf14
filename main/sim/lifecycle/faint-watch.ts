/**
 * Fainting: an agent whose hunger stays at or below `faint_hunger_threshold` for
 * `faint_after_ticks` faints, and its exit joins the gate. Eating before then (or an operator's
 * `setneed`) ends the run and cancels a faint the gate was still holding back, so an agent is
 * never taken out for hunger it no longer has. The original fainted the first tick at 0.03.
 */
import { emit, type World } from '../state/world'
import { addPending } from './exit-gate'

export function watchFainting(world: World): void {
  const { state, params } = world
  const config = params.config.lifecycle
  const life = state.lifecycle
  const threshold = config.faint_hunger_threshold
  // Recoveries first: the starving set is sparse (only agents at or below the threshold now).
  for (const key in life.starving) {
    const i = Number(key)
    if (state.agents.cols.alive[i] === 1 && state.agents.cols.hunger[i]! <= threshold) continue
    delete life.starving[key]
    cancelFaint(world, i)
  }
  const { hunger, alive } = state.agents.cols
  // Built on first need: in a starving town, scanning the pending list per agent would be quadratic.
  let pending: Set<number> | undefined
  for (let i = 0; i < state.agents.count; i++) {
    if (alive[i] !== 1 || hunger[i]! > threshold) continue
    const key = String(i)
    const since = life.starving[key]
    if (since === undefined) life.starving[key] = state.tick
    if (state.tick - (since ?? state.tick) < config.faint_after_ticks) continue
    pending ??= new Set(life.pending.map((p) => p.agent))
    if (pending.has(i)) continue
    addPending(world, i, 'faint')
    pending.add(i)
  }
}

function cancelFaint(world: World, agent: number): void {
  const life = world.state.lifecycle
  const at = life.pending.findIndex((p) => p.agent === agent && p.reason === 'faint')
  if (at < 0) return
  life.pending.splice(at, 1)
  if (world.state.agents.cols.alive[agent] === 1) emit(world.state, 'agent_exit_cancelled', { agent_id: world.state.agents.ids[agent]!, reason: 'faint', why: 'recovered' })
}
