/**
 * Per-agent rewards for the tick, with their components; runs last in the tick, so it sees every
 * system's effects and events. Per living agent (and per agent that left this tick, for its final
 * reward):
 *   survival      `survival_tick`
 *   needs_penalty −`needs_penalty_scale` × Σ weight × (1 − need)²
 *   wage          this tick's pay × `wage_weight` (the change in `wagesEarned` since last tick; the
 *                 original re-paid the running total every tick)
 *   punctuality   `punctuality_bonus` for every tick at work on a shift the agent was not late for
 *   social_*      by stage, see social-rewards.ts
 *   terminal      the exit reason's penalty, on the exit tick
 * then the guardrails of settle-reward.ts. An episode is an agent's life: its total runs through
 * its final tick (the original reset it before adding the final reward) and a respawn, which is a
 * new agent, starts a new one. No positive reward is paid near an exit: on the exit tick, while
 * the lifecycle holds a decided exit at its gate, for `no_positive_within_death_ticks` after an
 * exit is announced (`employment_exit_pending`), and to a respawn until that long after its
 * original left.
 */
import { Shift } from '../state/agent-store'
import { areaContains } from '../map/town-map'
import type { World } from '../state/world'
import { lifeEvents } from './exit-events'
import { ensureSlots, type RewardsState } from './rewards-state'
import { settleReward } from './settle-reward'
import { socialRewards } from './social-rewards'
import { socialStageAt } from './social-stage'

export function computeRewards(world: World): void {
  const { state, params } = world
  const r = state.rewards
  const cfg = params.config.rewards
  const t = state.tick
  const a = state.agents.cols
  const n = state.agents.count
  const window = cfg.clip.no_positive_within_death_ticks
  ensureSlots(r, n)
  r.tick = t
  for (const [id, until] of Object.entries(r.successorGuard)) if (until < t) delete r.successorGuard[id]

  const life = lifeEvents(state.events, state.eventSlots)
  // Exits first: a replacement may arrive in the very tick its original left.
  for (const slot of life.exits.keys()) r.successorGuard[state.agents.ids[slot]!] = t + window
  for (const { slot, original } of life.respawns) {
    startLife(r, slot, a.wagesEarned[slot]!)
    r.guardUntil[slot] = Math.max(r.guardUntil[slot]!, r.successorGuard[original] ?? -1)
  }
  for (const slot of life.pending) r.guardUntil[slot] = Math.max(r.guardUntil[slot]!, t + window)
  // An exit the lifecycle has decided but its gate still holds back is an exit trigger too.
  const exitPending = new Set(state.lifecycle.pending.map((p) => p.agent))
  const social = socialRewards(world, socialStageAt(params.config, params.clock, t), state.events, state.eventSlots)

  const out = r.components
  const w = cfg.needs_weights
  const { clip_per_tick, clip_per_episode } = cfg.clip
  // One flat pass writing straight into the component columns: at 10,000 agents this runs every
  // tick, so it allocates nothing per agent but the settle result.
  for (let i = 0; i < n; i++) {
    const exitReason = life.exits.get(i)
    if (a.alive[i] !== 1 && exitReason === undefined) continue
    if (r.exitedAt[i]! >= 0) {
      // A slot that left and lives again (a lifecycle that revives in place) starts a new life.
      if (exitReason !== undefined) continue
      startLife(r, i, a.wagesEarned[i]!)
    }
    const survival = cfg.survival_tick
    // `0 −` rather than unary minus: full needs pay 0, not −0 (which reads as a change in tests and JSON tools).
    const needs = 0 - cfg.needs_penalty_scale * (w.hunger * deficit(a.hunger[i]!) + w.hygiene * deficit(a.hygiene[i]!) + w.energy * deficit(a.energy[i]!))
    const wage = Math.max(0, a.wagesEarned[i]! - r.wagesSeen[i]!) * cfg.wage_weight
    // `on_time` lasts only while the shift runs and the agent has not been flagged late.
    const punctuality = a.shift[i] === Shift.on_time && atWork(world, i) ? cfg.punctuality_bonus : 0
    const s = social.get(i)
    const chat = s?.chat ?? 0
    const avoidance = s?.avoidance ?? 0
    const cooperation = s?.cooperation ?? 0
    let terminal = 0
    if (exitReason !== undefined) {
      terminal = terminalPenalty(cfg.terminal, exitReason)
      r.guardUntil[i] = Math.max(r.guardUntil[i]!, t + window)
      r.exitedAt[i] = t
    }
    const settled = settleReward({
      shaping: survival + needs + wage + punctuality + chat + avoidance + cooperation,
      terminal,
      guarded: t <= r.guardUntil[i]! || exitPending.has(i),
      episodeBefore: r.episode[i]!,
      clipPerTick: clip_per_tick,
      clipPerEpisode: clip_per_episode
    })
    out.survival[i] = survival
    out.needs_penalty[i] = needs
    out.wage[i] = wage
    out.punctuality[i] = punctuality
    out.social_chat[i] = chat
    out.social_avoidance[i] = avoidance
    out.social_cooperation[i] = cooperation
    out.terminal_penalty[i] = terminal
    out.clip_adjustment[i] = settled.clipAdjustment
    r.episode[i] = settled.episodeAfter
    r.total[i] = settled.total
    r.wagesSeen[i] = a.wagesEarned[i]!
  }
}

/** (1 − need)², the need clamped to [0, 1]. */
function deficit(v: number): number {
  const d = 1 - (v < 0 ? 0 : v > 1 ? 1 : v)
  return d * d
}

function atWork(world: World, i: number): boolean {
  const a = world.state.agents.cols
  const area = world.params.workplaces[a.workplace[i]!]
  return area !== undefined && areaContains(area, a.x[i]!, a.y[i]!)
}

function terminalPenalty(terminal: World['params']['config']['rewards']['terminal'], reason: string): number {
  if (reason === 'faint') return terminal.faint_penalty
  if (reason === 'eviction') return terminal.eviction_penalty
  return terminal.other_penalty
}

function startLife(r: RewardsState, slot: number, wagesEarned: number): void {
  r.episode[slot] = 0
  r.exitedAt[slot] = -1
  r.guardUntil[slot] = -1
  r.wagesSeen[slot] = wagesEarned
}

