/**
 * `telemetry_snapshot`: the town's job and economy status in one versioned payload. Per agent:
 * job, shift state, whether it is at work now, wallet, attendance, lateness, wages earned and
 * withheld, meals eaten and cooked; then employment totals and the economy's prices and utilities.
 */
import { z } from 'zod'
import { areaContains } from '../../sim/map/town-map'
import { SHIFT_NAMES, Shift } from '../../sim/state/agent-store'
import type { JsonValue } from '../../sim/state/world'
import { summarizeWorld } from '../../sim/world-summary'
import { defineCommand, now } from '../command'
import { round6 } from './arg-types'

/** Bumped whenever a field changes meaning or goes away; new fields may be added within a version. */
export const TELEMETRY_SNAPSHOT_SCHEMA_VERSION = 1

export const telemetrySnapshotCommand = defineCommand({
  name: 'telemetry_snapshot',
  role: 'viewer',
  destructive: false,
  help: "Every agent's job and economy status (job, shift, on shift, wallet, attendance, lateness, wages, meals), employment totals, prices and utilities, the policy's identity and embedding allocator, the latest snapshot (its identity and RNG fingerprints), and the telemetry stream's transport status (null when it streams nowhere).",
  args: z.object({}).strict(),
  run({ world, policy, snapshots, transport }) {
    const { state, params } = world
    const a = state.agents.cols
    const agents: JsonValue[] = []
    for (let i = 0; i < state.agents.count; i++) {
      if (a.alive[i] !== 1) continue
      const job = params.jobs[a.job[i]!]
      const shift = a.shift[i]!
      const workplace = params.workplaces[a.workplace[i]!]
      const atWork = (shift === Shift.on_time || shift === Shift.late) && workplace !== undefined && areaContains(workplace, a.x[i]!, a.y[i]!)
      agents.push({
        agent_id: state.agents.ids[i]!,
        job_id: job?.id ?? null,
        shift_state: job ? (SHIFT_NAMES[shift] ?? 'off') : 'off',
        on_shift: job !== undefined && atWork,
        wallet: round6(a.wallet[i]!),
        attendance: round6(a.attendance[i]!),
        lateness_count: a.latenessCount[i]!,
        wages_earned: round6(a.wagesEarned[i]!),
        wages_withheld: round6(a.wagesWithheld[i]!),
        meals_eaten: a.mealsEaten[i]!,
        meals_cooked: a.mealsCooked[i]!
      })
    }
    const summary = summarizeWorld(world)
    return now({
      schema_version: TELEMETRY_SNAPSHOT_SCHEMA_VERSION,
      tick: state.tick,
      day: summary.day,
      clock: summary.clock,
      agents,
      employment: { ...summary.employment, jobs: params.jobs.map((j) => j.id) },
      economy: { prices: { ...state.prices }, utilities: { ...state.utilities } },
      // The running policy's identity and embedding allocator (null outside a shard).
      policy: policy ? policyPart(policy.status()) : null,
      // The latest snapshot saved, autosaved, migrated or loaded: name, action, tick, identity (null before any, and outside a shard).
      last_snapshot: snapshots ? snapshots.last() : null,
      // The telemetry stream's transports (each one's connected, dropped_messages, last success and failure, last error) and totals; null when it streams nowhere.
      transport: transport ? transport() : null
    })
  }
})

/** The identity and embedding metrics of a policy_status payload. */
function policyPart(status: JsonValue): JsonValue {
  if (status === null || typeof status !== 'object' || Array.isArray(status)) return null
  return { identity: status.identity ?? null, embedding: status.embedding ?? null }
}
