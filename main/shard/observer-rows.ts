/**
 * Rows of the observer stream from the live world: one converter per DTO (shared/contract/dto/
 * observer.ts), rounding needs to 3 places and money to 2, so an agent whose state did not really
 * change produces the same row and is not resent.
 */
import { AGENT_OPTIONS } from '../../shared/contract/dto/world-summary'
import { AGENT_PHASES, SHIFT_STATES, type AgentRow, type EconomyRow, type ObjectRow, type TownMapDto } from '../../shared/contract/dto/observer'
import { areaContains } from '../sim/map/town-map'
import { Phase, Shift } from '../sim/state/agent-store'
import type { World } from '../sim/state/world'
import { clockText } from '../sim/time/clock'

const r3 = (v: number) => Math.round(v * 1000) / 1000
const r2 = (v: number) => Math.round(v * 100) / 100

export function agentRow(world: World, i: number): AgentRow {
  const { state, params } = world
  const a = state.agents.cols
  const objects = state.objects
  const target = a.target[i]!
  const phase = a.phase[i]!
  const running = target >= 0 && objects.holder[target] === i ? objects.running[target]! : -1
  const queuePos = phase === Phase.queued && target >= 0 ? objects.queue[target]!.findIndex((e) => e.agent === i) : -1
  return {
    id: state.agents.ids[i]!,
    x: a.x[i]!,
    y: a.y[i]!,
    hunger: r3(a.hunger[i]!),
    hygiene: r3(a.hygiene[i]!),
    energy: r3(a.energy[i]!),
    wallet: r2(a.wallet[i]!),
    option: AGENT_OPTIONS[a.option[i]!] ?? 'idle',
    phase: AGENT_PHASES[phase] ?? 'none',
    target: target >= 0 ? (objects.ids[target] ?? null) : null,
    action: running >= 0 ? (world.registry.affordances[running]?.spec.id ?? null) : null,
    queue_pos: queuePos >= 0 ? queuePos : null,
    home: params.homes[a.home[i]!]?.id ?? null,
    job: params.jobs[a.job[i]!]?.id ?? null,
    shift: SHIFT_STATES[a.shift[i]!] ?? 'off',
    fail_reason: state.agents.failReason[i] ?? ''
  }
}

export function objectRow(world: World, o: number): ObjectRow {
  const { state, params } = world
  const objects = state.objects
  const ids = state.agents.ids
  const holder = objects.holder[o]!
  const running = objects.running[o]!
  return {
    id: objects.ids[o]!,
    type: objects.types[o]!,
    x: objects.x[o]!,
    y: objects.y[o]!,
    home: params.homes[objects.home[o]!]?.id ?? null,
    workplace: params.workplaces[objects.workplace[o]!]?.id ?? null,
    holder: holder >= 0 ? (ids[holder] ?? null) : null,
    queue: objects.queue[o]!.map((e) => ids[e.agent]!),
    running: running >= 0 ? (world.registry.affordances[running]?.spec.id ?? null) : null,
    remaining: running >= 0 ? objects.remaining[o]! : 0,
    stock: { ...objects.stock[o]! }
  }
}

export function townMap(world: World): TownMapDto {
  const { map } = world.params
  const rows: string[] = []
  for (let y = 0; y < map.height; y++) {
    let row = ''
    for (let x = 0; x < map.width; x++) row += map.tiles[y * map.width + x] === 0 ? '.' : '#'
    rows.push(row)
  }
  const area = (a: { id: string; x: number; y: number; w: number; h: number }) => ({ id: a.id, x: a.x, y: a.y, w: a.w, h: a.h })
  return { width: map.width, height: map.height, rows, homes: map.homes.map(area), workplaces: map.workplaces.map(area) }
}

export function economyRow(world: World): EconomyRow {
  const { state, params } = world
  const a = state.agents.cols
  const stockByType: Record<string, Record<string, number>> = {}
  for (let o = 0; o < state.objects.count; o++) {
    const totals = (stockByType[state.objects.types[o]!] ??= {})
    for (const [key, value] of Object.entries(state.objects.stock[o]!)) totals[key] = (totals[key] ?? 0) + value
  }
  const jobs = params.jobs.map((job) => ({
    id: job.id,
    workplace: params.workplaces[job.workplace]?.id ?? null,
    start: clockText({ ticksPerDay: params.clock.ticksPerDay, offset: 0 }, job.start),
    end: clockText({ ticksPerDay: params.clock.ticksPerDay, offset: 0 }, job.end),
    wage: job.wage,
    lateness_penalty: job.latenessPenalty,
    employed: 0,
    on_shift: 0,
    late: 0,
    attendance: 0,
    late_shifts: 0,
    wages_earned: 0,
    wages_withheld: 0
  }))
  const attendanceCount = new Int32Array(jobs.length)
  for (let i = 0; i < state.agents.count; i++) {
    const row = jobs[a.job[i]!]
    if (!row || a.alive[i] !== 1) continue
    row.employed++
    const s = a.shift[i]
    const area = params.workplaces[a.workplace[i]!]
    if ((s === Shift.on_time || s === Shift.late) && area && areaContains(area, a.x[i]!, a.y[i]!)) row.on_shift++
    if (s === Shift.late || s === Shift.absent) row.late++
    if (a.shiftsDone[i]! > 0) {
      row.attendance += a.attendance[i]!
      attendanceCount[a.job[i]!]!++
    }
    row.late_shifts += a.latenessCount[i]!
    row.wages_earned += a.wagesEarned[i]!
    row.wages_withheld += a.wagesWithheld[i]!
  }
  jobs.forEach((row, j) => {
    row.attendance = attendanceCount[j]! > 0 ? r3(row.attendance / attendanceCount[j]!) : 0
    row.wages_earned = r2(row.wages_earned)
    row.wages_withheld = r2(row.wages_withheld)
  })
  return {
    prices: { ...state.prices },
    utilities: { ...state.utilities },
    queue_counters: { ...state.counters },
    stock_by_type: stockByType,
    restock_interval_ticks: params.economy.restock_interval_ticks,
    jobs
  }
}

