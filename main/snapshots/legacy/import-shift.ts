/**
 * Shift and punctuality fields. The original ran each shift once, at absolute ticks; ours repeat
 * daily at times of day, so a legacy shift state carries over only when the target's job hours
 * cover the imported tick too. Otherwise the target's clock decides (`await` within the arrival
 * buffer, else `off`), and a shift that should be running starts at the next tick as a fresh one.
 *
 * Mid-shift, the counters the jobs system reads are rebuilt from what the original kept:
 * ticks so far from the job's start, present ticks = those minus today's late ticks, and the
 * arrived / flagged-late bits, so lateness is not charged twice after the import.
 */
import { Shift } from '../../sim/state/agent-store'
import { dayOf, inWindow, tickOfDay, ticksUntil } from '../../sim/time/clock'
import type { ImportContext } from './import-context'
import type { LegacyAgent } from './legacy-schema'

/** The bits of the `shiftArrived` column, as main/sim/systems/job-system.ts defines them. */
const ARRIVED = 1
const FLAGGED = 2
/** Absent shifts an agent's window may list; the exit threshold is far below. */
const MAX_ABSENCES = 64

const WORKING = new Set(['on_time', 'late', 'absent'])
const BETWEEN = new Set(['idle', 'await_start', 'post_shift', 'pre_shift'])

export function importShift(ctx: ImportContext, slot: number, legacy: LegacyAgent): void {
  const { world, report } = ctx
  const a = world.state.agents.cols
  const { clock } = world.params
  if (legacy.lateness_counter !== undefined) {
    a.latenessCount[slot] = legacy.lateness_counter
    report.map('agents.lateness_counter', 1, '→ latenessCount')
  }
  if (legacy.wages_withheld !== undefined) {
    a.wagesWithheld[slot] = legacy.wages_withheld
    report.map('agents.wages_withheld')
  }
  if (legacy.attendance_ratio !== undefined) {
    a.attendance[slot] = legacy.attendance_ratio
    // One sample, so the next shift's ratio averages with it instead of replacing it.
    world.state.agents.attendanceSamples[slot] = [legacy.attendance_ratio]
    report.map('agents.attendance_ratio', 1, 'kept as one attendance sample')
  }
  if (legacy.last_late_tick !== undefined) report.drop('agents.last_late_tick', 'unused by the original and without a counterpart here', legacy.agent_id)
  if (legacy.absent_shifts_7d !== undefined && legacy.absent_shifts_7d > 0) {
    const day = dayOf(clock, ctx.tick)
    world.state.lifecycle.employment.absences[String(slot)] = Array.from({ length: Math.min(legacy.absent_shifts_7d, MAX_ABSENCES) }, () => day)
    report.map('agents.absent_shifts_7d', 1, 'as absences dated the imported day (their days are unknown), so they stay the whole absence window')
  }

  const state = legacy.shift_state
  const unused = (reason: string) => {
    if (legacy.on_shift !== undefined) report.drop('agents.on_shift', reason, legacy.agent_id)
    if (legacy.late_ticks_today !== undefined) report.drop('agents.late_ticks_today', reason, legacy.agent_id)
  }
  if (state === undefined) {
    unused('no shift_state beside it: the target clock decides the shift')
    return
  }
  const job = world.params.jobs[a.job[slot]!]
  const tod = tickOfDay(clock, ctx.tick)
  const between = () => (job && ticksUntil(tod, job.start, clock.ticksPerDay) <= world.params.behavior.job_arrival_buffer ? Shift.await : Shift.off)
  if (!WORKING.has(state) && !BETWEEN.has(state)) {
    a.shift[slot] = between()
    report.drop('agents.shift_state', 'not a shift state the original had: the target clock decides', legacy.agent_id)
    unused('no shift runs at the imported tick')
    return
  }
  if (!job) {
    a.shift[slot] = Shift.off
    report.keep('agents.shift_state', 'the agent has no job in the target town')
    unused('no shift runs at the imported tick')
    return
  }
  if (!WORKING.has(state)) {
    a.shift[slot] = between()
    report.map('agents.shift_state', 1, 'between shifts: await or off by the target clock')
    unused('no shift runs at the imported tick')
    return
  }
  if (!inWindow(tod, job.start, job.end)) {
    a.shift[slot] = between()
    report.keep('agents.shift_state', "on shift in the document, but the target job's hours do not cover the imported tick")
    unused('no shift runs at the imported tick')
    return
  }
  const ticks = ticksUntil(job.start, tod, clock.ticksPerDay) + 1
  const late = Math.min(legacy.late_ticks_today ?? 0, ticks)
  const present = legacy.on_shift ?? state === 'on_time'
  a.shiftTicks[slot] = ticks
  if (state === 'on_time') {
    a.shift[slot] = Shift.on_time
    a.shiftArrived[slot] = ARRIVED | (late > 0 ? FLAGGED : 0)
    a.shiftPresent[slot] = ticks - late
    report.map('agents.shift_state', 1, 'on_time, mid-shift')
  } else {
    // Ours reads "absent" as came-and-left; the original's (never came) is ours "late and away".
    a.shift[slot] = Shift.late
    a.shiftArrived[slot] = FLAGGED | (present && state === 'late' ? ARRIVED : 0)
    a.shiftPresent[slot] = present && state === 'late' ? Math.max(0, ticks - late) : 0
    report.map('agents.shift_state', 1, state === 'late' ? 'late, mid-shift (lateness already charged)' : 'absent (never came) → late and away, mid-shift')
  }
  if (legacy.late_ticks_today !== undefined) report.map('agents.late_ticks_today', 1, 'read into the present ticks of the running shift')
  if (legacy.on_shift !== undefined) report.map('agents.on_shift', 1, 'read into the running shift')
}
