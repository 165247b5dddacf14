/**
 * Turning a tick's raw components into the reward actually paid: the per-tick clip, the
 * death-window guard, the terminal penalty and the per-episode clip, in that order. Pure, so it
 * is property-tested on its own (settle-reward.test.ts).
 *
 * The terminal penalty is added after the per-tick clip on purpose: the original clipped −1
 * (faint) and −2 (eviction) to −0.2, so a death looked like one bad tick and the two reasons were
 * indistinguishable. `clip_per_tick` bounds the shaping signal; the episode clip still bounds it all.
 */
export interface SettleInput {
  /** survival + needs_penalty + wage + punctuality + social, before any guardrail. */
  shaping: number
  /** ≤ 0; non-zero only on an exit tick. */
  terminal: number
  /** Inside a no-positive window (exit tick, exit pending, or a respawn soon after its original left). */
  guarded: boolean
  /** The agent's episode total before this tick. */
  episodeBefore: number
  clipPerTick: number
  clipPerEpisode: number
}

export interface Settled {
  total: number
  /** total − (shaping + terminal): what the guard and the clips changed. */
  clipAdjustment: number
  episodeAfter: number
  guardApplied: boolean
  clipped: boolean
}

export function settleReward(input: SettleInput): Settled {
  const { shaping, terminal, guarded, episodeBefore, clipPerTick, clipPerEpisode } = input
  const tickClipped = clamp(shaping, -clipPerTick, clipPerTick)
  const guardApplied = guarded && tickClipped > 0
  const afterGuard = guardApplied ? 0 : tickClipped
  const raw = afterGuard + terminal
  const unclipped = episodeBefore + raw
  const episodeAfter = clamp(unclipped, -clipPerEpisode, clipPerEpisode)
  // Within the episode bound the paid reward is `raw` itself, not a difference of two sums
  // (which would drift by a rounding error every tick).
  const episodeClipped = episodeAfter !== unclipped
  const total = episodeClipped ? episodeAfter - episodeBefore : raw
  return {
    total,
    clipAdjustment: total - (shaping + terminal),
    episodeAfter,
    guardApplied,
    clipped: tickClipped !== shaping || episodeClipped
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v
}
