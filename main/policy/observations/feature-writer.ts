/**
 * One agent's feature vector, in the order observation-spec.ts names it: the base block (needs,
 * money, shift, time, local summary, rivalry, the controller's option and phase, thresholds,
 * shift timing, prices, utilities), then landmarks, personality and the social block. Indexes
 * come from the spec once, at construction, so a renamed or reordered feature cannot silently
 * land in another's place (the tests compare every name with its value).
 */
import type { ShardConfig } from '../../config/shard-config-schema'
import { areaContains } from '../../sim/map/town-map'
import { resolvePersonality } from '../../sim/society/personality'
import { Phase, Shift } from '../../sim/state/agent-store'
import type { World } from '../../sim/state/world'
import { tickOfDay, ticksUntil } from '../../sim/time/clock'
import type { IdentityEmbeddings } from './identity-embedding'
import { Landmarks, writeLandmark } from './landmarks'
import { SUM_NEAREST_D2, SUM_OBJECTS, SUM_OTHERS, SUM_RESERVED, type WindowLayout } from './map-window'
import { BASE_FEATURES, COUNT_SCALE, LANDMARK_TYPES, LANDMARKS, QUEUE_SCALE, WALLET_SCALE, type BaseFeature } from './observation-spec'
import type { ObservationSpec } from './observation-types'
import { ledgerRivalry, writeSocial, type SocialLayout } from './social-block'

const STOVE = LANDMARK_TYPES.indexOf('stove')
const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v)

/** What the builder knows about the agent beyond the world: its slot, reset flag and window summary. */
export interface AgentContext {
  /** Embedding slot / max slots, or −1 when it has none. */
  slotNorm: number
  ctxReset: number
  summary: Float64Array
}

export class FeatureWriter {
  private readonly f: Record<BaseFeature, number>
  private readonly landmarkAt: number
  private readonly personalityAt: number
  private readonly socialAt: number
  private readonly social: SocialLayout
  private readonly rivalry = new Float64Array(2)
  readonly landmarks = new Landmarks(LANDMARK_TYPES)
  // Per build: time of day.
  private tod = 0
  private sin = 0
  private cos = 1

  constructor(
    spec: ObservationSpec,
    config: ShardConfig,
    private readonly layout: WindowLayout,
    private readonly embeddings: IdentityEmbeddings
  ) {
    const index = spec.featureIndex
    this.f = Object.fromEntries(BASE_FEATURES.map((name) => [name, index[name]!])) as Record<BaseFeature, number>
    this.landmarkAt = index['landmark_fridge_dx'] ?? -1
    this.personalityAt = index['personality_extroversion'] ?? -1
    const o = config.observations
    this.social = { friends: o.social.top_friends, rivals: o.social.top_rivals, dim: o.social.embed_dim, aggregates: o.social.include_aggregates }
    this.socialAt = BASE_FEATURES.length + (o.include_targets ? 3 * LANDMARKS.length : 0) + (o.personality_channels ? 3 : 0)
  }

  /** Once per build, before write(). */
  prepare(world: World): void {
    this.landmarks.prepare(world)
    const { clock } = world.params
    this.tod = tickOfDay(clock, world.state.tick)
    const angle = (2 * Math.PI * this.tod) / clock.ticksPerDay
    this.sin = Math.sin(angle)
    this.cos = Math.cos(angle)
  }

  /** Writes agent i's features at out[at … at + featureSize). */
  write(world: World, i: number, out: Float32Array, at: number, ctx: AgentContext): void {
    const { state, params } = world
    const f = this.f
    const a = state.agents.cols
    const behavior = params.behavior
    const tpd = params.clock.ticksPerDay
    const tick = state.tick
    const hunger = a.hunger[i]!
    const hygiene = a.hygiene[i]!
    const energy = a.energy[i]!
    const wallet = a.wallet[i]!
    const shift = a.shift[i]!
    const phase = a.phase[i]!
    const target = a.target[i]!
    const onShift = shift === Shift.on_time || shift === Shift.late || shift === Shift.absent
    out.fill(0, at, at + this.socialAt)

    out[at + f.need_hunger] = hunger
    out[at + f.need_hygiene] = hygiene
    out[at + f.need_energy] = energy
    out[at + f.wallet_scaled] = clamp(wallet / WALLET_SCALE, -10, 10)
    out[at + f.lateness_scaled] = Math.min(a.latenessCount[i]! / COUNT_SCALE, 10)
    out[at + f.on_shift] = onShift ? 1 : 0
    out[at + f.time_sin] = this.sin
    out[at + f.time_cos] = this.cos
    out[at + f.attendance_ratio] = a.attendance[i]!
    out[at + f.wages_withheld_scaled] = Math.min(a.wagesWithheld[i]! / WALLET_SCALE, 10)
    if (shift >= 0 && shift <= Shift.absent) out[at + f.shift_off + shift] = 1
    out[at + f.embedding_slot_norm] = ctx.slotNorm
    out[at + f.ctx_reset_flag] = ctx.ctxReset
    out[at + f.episode_progress] = this.tod / tpd
    ledgerRivalry(world, i, this.rivalry)
    out[at + f.rivalry_max] = this.rivalry[0]!
    out[at + f.rivalry_avoid_count] = this.rivalry[1]!
    out[at + f.last_option_success] = phase === Phase.done ? 1 : 0
    out[at + f.last_option_failure] = phase === Phase.failed ? 1 : 0
    out[at + f.reservation_active] = target >= 0 && state.objects.holder[target] === i ? 1 : 0
    out[at + f.in_queue] = phase === Phase.queued ? 1 : 0

    const ax = a.x[i]!
    const ay = a.y[i]!
    const stove = this.landmarks.nearest(world, i, STOVE)
    if (stove >= 0) {
      const dx = state.objects.x[stove]! - ax
      const dy = state.objects.y[stove]! - ay
      const n = Math.abs(dx) + Math.abs(dy)
      if (n > 0) {
        out[at + f.path_hint_north] = Math.max(0, -dy) / n
        out[at + f.path_hint_south] = Math.max(0, dy) / n
        out[at + f.path_hint_east] = Math.max(0, dx) / n
        out[at + f.path_hint_west] = Math.max(0, -dx) / n
      }
    }
    const s = ctx.summary
    const { area, radius } = this.layout
    out[at + f.neighbor_agent_ratio] = Math.min(1, s[SUM_OTHERS]! / Math.max(1, area - 1))
    out[at + f.neighbor_object_ratio] = Math.min(1, s[SUM_OBJECTS]! / area)
    out[at + f.reserved_tile_ratio] = Math.min(1, s[SUM_RESERVED]! / area)
    const d2 = s[SUM_NEAREST_D2]!
    out[at + f.nearest_agent_distance] = d2 === Infinity ? 0 : clamp(Math.sqrt(d2) / Math.max(1, radius), 0, 1)

    // The controller block.
    const option = a.option[i]!
    if (option >= 0 && option <= 6) out[at + f.option_idle + option] = 1
    if (phase >= 0 && phase <= Phase.failed) out[at + f.phase_none + phase] = 1
    const commit = behavior.option_commit_ticks
    const age = Math.max(0, tick - a.optionSince[i]!)
    out[at + f.option_age] = Math.min(4, age / Math.max(1, commit)) / 4
    out[at + f.option_committed] = age < commit ? 1 : 0
    if (target >= 0) {
      out[at + f.has_target] = 1
      out[at + f.target_queue_scaled] = Math.min(1, (state.objects.queue[target]?.length ?? 0) / QUEUE_SCALE)
    }
    const job = params.jobs[a.job[i]!]
    const home = params.homes[a.home[i]!]
    const work = params.workplaces[a.workplace[i]!]
    out[at + f.has_job] = job ? 1 : 0
    out[at + f.at_home] = home && areaContains(home, ax, ay) ? 1 : 0
    out[at + f.at_work] = work && areaContains(work, ax, ay) ? 1 : 0
    if (job) {
      const untilStart = ticksUntil(this.tod, job.start, tpd)
      out[at + f.shift_starts_soon] = !onShift && untilStart <= 2 * behavior.job_arrival_buffer ? 1 : 0
      out[at + f.shift_ends_soon] = onShift && ticksUntil(this.tod, job.end, tpd) <= behavior.job_arrival_buffer ? 1 : 0
      out[at + f.shift_start_in] = untilStart / tpd
    } else {
      out[at + f.shift_start_in] = 1
    }
    const critical = behavior.critical_threshold
    out[at + f.hunger_low] = hunger < behavior.hunger_threshold ? 1 : 0
    out[at + f.hygiene_low] = hygiene < behavior.hygiene_threshold ? 1 : 0
    out[at + f.energy_low] = energy < behavior.energy_threshold ? 1 : 0
    out[at + f.hunger_critical] = hunger < critical ? 1 : 0
    out[at + f.hygiene_critical] = hygiene < critical ? 1 : 0
    out[at + f.energy_critical] = energy < critical ? 1 : 0
    out[at + f.any_critical] = hunger < critical || hygiene < critical || energy < critical ? 1 : 0
    out[at + f.meal_affordable] = wallet >= state.prices.meal_cost ? 1 : 0
    out[at + f.ingredients_affordable] = wallet >= state.prices.ingredients_cost ? 1 : 0
    out[at + f.power_on] = state.utilities.power ? 1 : 0
    out[at + f.water_on] = state.utilities.water ? 1 : 0

    if (this.landmarkAt >= 0) this.writeLandmarks(world, i, out, at + this.landmarkAt, stove)
    if (this.personalityAt >= 0) this.writePersonality(world, i, out, at + this.personalityAt)
    writeSocial(world, i, this.social, this.embeddings, out, at + this.socialAt)
  }

  private writeLandmarks(world: World, i: number, out: Float32Array, at: number, stove: number): void {
    const { objects } = world.state
    const a = world.state.agents.cols
    const ax = a.x[i]!
    const ay = a.y[i]!
    for (let k = 0; k < LANDMARK_TYPES.length; k++) {
      const o = k === STOVE ? stove : this.landmarks.nearest(world, i, k)
      writeLandmark(out, at + 3 * k, o >= 0, o >= 0 ? objects.x[o]! - ax : 0, o >= 0 ? objects.y[o]! - ay : 0)
    }
    const tile = a.workTile[i]!
    const width = world.params.map.width
    const w = at + 3 * LANDMARK_TYPES.length
    writeLandmark(out, w, tile >= 0, (tile % width) - ax, Math.floor(tile / width) - ay)
  }

  private writePersonality(world: World, i: number, out: Float32Array, at: number): void {
    const society = world.state.society
    if (i < society.agents) {
      out[at] = society.extroversion[i]!
      out[at + 1] = society.forgiveness[i]!
      out[at + 2] = society.ambition[i]!
      return
    }
    // Spawned since the society last synced: the personality it will get.
    const p = resolvePersonality(world.params.config.society.personalities, world.params.seed, world.state.agents.ids[i]!)
    out[at] = p.extroversion
    out[at + 1] = p.forgiveness
    out[at + 2] = p.ambition
  }
}
