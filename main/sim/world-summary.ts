/**
 * The town's live statistics for frames (shared/contract/dto/world-summary.ts). One pass over the
 * agent columns; rounded so frames stay small and stable to read.
 */
import { AGENT_OPTIONS, type WorldSummary } from '../../shared/contract/dto/world-summary'
import { areaContains } from './map/town-map'
import { Shift } from './state/agent-store'
import type { World } from './state/world'
import { clockText, dayOf } from './time/clock'

const round = (v: number, places = 4) => Math.round(v * 10 ** places) / 10 ** places

export function summarizeWorld(world: World): WorldSummary {
  const { state, params } = world
  const a = state.agents.cols
  let n = 0
  for (let i = 0; i < state.agents.count; i++) n += a.alive[i]!
  let hunger = 0
  let hygiene = 0
  let energy = 0
  let total = 0
  let min = n > 0 ? Infinity : 0
  let max = n > 0 ? -Infinity : 0
  let employed = 0
  let onShift = 0
  let late = 0
  let attendance = 0
  let attendanceCount = 0
  const activity = Object.fromEntries(AGENT_OPTIONS.map((o) => [o, 0])) as WorldSummary['activity']
  for (let i = 0; i < state.agents.count; i++) {
    if (a.alive[i] !== 1) continue
    hunger += a.hunger[i]!
    hygiene += a.hygiene[i]!
    energy += a.energy[i]!
    const w = a.wallet[i]!
    total += w
    if (w < min) min = w
    if (w > max) max = w
    if (a.job[i]! >= 0) {
      employed++
      const s = a.shift[i]
      const area = params.workplaces[a.workplace[i]!]
      if ((s === Shift.on_time || s === Shift.late) && area && areaContains(area, a.x[i]!, a.y[i]!)) onShift++
      if (s === Shift.late || s === Shift.absent) late++
      if (a.shiftsDone[i]! > 0) {
        attendance += a.attendance[i]!
        attendanceCount++
      }
    }
    activity[AGENT_OPTIONS[a.option[i]!] ?? 'idle']++
  }
  const objects = state.objects
  let inUse = 0
  let queued = 0
  for (let o = 0; o < objects.count; o++) {
    if (objects.holder[o]! >= 0) inUse++
    queued += objects.queue[o]!.length
  }
  const mean = (v: number) => (n > 0 ? round(v / n) : 0)
  return {
    agents: n,
    day: dayOf(params.clock, state.tick),
    clock: clockText(params.clock, state.tick),
    needs: { hunger: mean(hunger), hygiene: mean(hygiene), energy: mean(energy) },
    wallet: { mean: mean(total), min: round(min), max: round(max), total: round(total) },
    employment: { employed, on_shift: onShift, late, attendance: attendanceCount > 0 ? round(attendance / attendanceCount) : 0 },
    activity,
    objects: { total: objects.count, in_use: inUse, queued },
    utilities: { ...state.utilities },
    totals: { ...state.totals }
  }
}
