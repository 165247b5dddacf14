/**
 * Jobs: a daily shift per job, in ticks of the day (shifts repeat every day; the original used
 * absolute ticks, so each shift happened once per run). Per employed agent and tick:
 * - before the shift, within the arrival buffer: `await`;
 * - during the shift, present at the workplace: paid the tick's wage;
 * - not there when the grace window closes: flagged late once per shift (`job_late`, the lateness
 *   penalty, `late` until arrival); away after the grace window: the tick's wage is withheld
 *   (`absent` when the agent had come and left);
 * - when the shift ends: an attendance sample (ticks present / shift ticks) and `shift_ended`.
 */
import { Shift } from '../state/agent-store'
import { areaContains } from '../map/town-map'
import { emit, type World } from '../state/world'
import { inWindow, ticksUntil, tickOfDay } from '../time/clock'

export function runJobs(world: World): void {
  const { state, params } = world
  const a = state.agents.cols
  const tod = tickOfDay(params.clock, state.tick)
  const tpd = params.clock.ticksPerDay
  const buffer = params.behavior.job_arrival_buffer
  for (let i = 0; i < state.agents.count; i++) {
    const job = params.jobs[a.job[i]!]
    if (!job) continue
    const shift = a.shift[i]!
    const working = shift === Shift.on_time || shift === Shift.late || shift === Shift.absent
    if (!inWindow(tod, job.start, job.end)) {
      if (working) endShift(world, i)
      else a.shift[i] = ticksUntil(tod, job.start, tpd) <= buffer ? Shift.await : Shift.off
      continue
    }
    if (!working) {
      a.shiftTicks[i] = 0
      a.shiftPresent[i] = 0
      a.shiftArrived[i] = 0
      a.shift[i] = Shift.on_time
    }
    a.shiftTicks[i]!++
    const sinceStart = ticksUntil(job.start, tod, tpd)
    const area = params.workplaces[a.workplace[i]!]
    const present = area !== undefined && areaContains(area, a.x[i]!, a.y[i]!)
    if (present) {
      a.shiftArrived[i] = a.shiftArrived[i]! | ARRIVED
      if (a.shift[i] === Shift.absent) a.shift[i] = Shift.late
      a.shiftPresent[i]!++
      a.wallet[i]! += job.wage
      a.wagesEarned[i]! += job.wage
    } else if (sinceStart >= job.graceTicks) {
      if ((a.shiftArrived[i]! & (ARRIVED | FLAGGED)) === 0) flagLate(world, i)
      a.shift[i] = a.shiftArrived[i]! & ARRIVED ? Shift.absent : Shift.late
      a.wagesWithheld[i]! += job.wage
    }
  }
}

/** Bits of `shiftArrived`: came to work this shift; was flagged late this shift. */
const ARRIVED = 1
const FLAGGED = 2

function flagLate(world: World, i: number): void {
  const { state, params } = world
  const a = state.agents.cols
  const job = params.jobs[a.job[i]!]!
  a.shiftArrived[i] = a.shiftArrived[i]! | FLAGGED
  a.latenessCount[i]!++
  state.totals.shifts_late++
  const penalty = Math.min(job.latenessPenalty, Math.max(0, a.wallet[i]!))
  a.wallet[i]! -= penalty
  emit(state, 'job_late', { agent_id: state.agents.ids[i]!, job_id: job.id, penalty })
}

function endShift(world: World, i: number): void {
  const { state, params } = world
  const a = state.agents.cols
  const job = params.jobs[a.job[i]!]!
  const ticks = Math.max(1, a.shiftTicks[i]!)
  const ratio = a.shiftPresent[i]! / ticks
  const samples = state.agents.attendanceSamples[i]!
  samples.push(ratio)
  if (samples.length > params.attendanceWindow) samples.shift()
  a.attendance[i] = samples.reduce((s, v) => s + v, 0) / samples.length
  a.shiftsDone[i]!++
  a.shift[i] = Shift.off
  emit(state, 'shift_ended', {
    agent_id: state.agents.ids[i]!,
    job_id: job.id,
    present_ticks: a.shiftPresent[i]!,
    shift_ticks: ticks,
    attendance: Math.round(ratio * 1000) / 1000,
    arrived: (a.shiftArrived[i]! & ARRIVED) !== 0,
    late: (a.shiftArrived[i]! & FLAGGED) !== 0,
    earned: Math.round(a.shiftPresent[i]! * job.wage * 1e6) / 1e6
  }, { agent: i })
}
