/**
 * `telemetry_snapshot`: the town's job and economy status in one versioned payload. Per agent:
 * job, shift state, whether it is at work now, wallet, attendance, lateness, wages earned and
 * withheld, meals eaten and cooked; then employment totals and the employment queue in numbers,
 * the economy's prices, utilities and object stock, the stability block (alerts, metrics,
 * thresholds), the transport block and the possessed agents. `schema_version` is the telemetry
 * schema it follows ("MAJOR.MINOR", the stream's), which a console compares with its own.
 */
import type { z } from 'zod'
import { areaContains } from '../../sim/map/town-map'
import { SHIFT_NAMES, Shift } from '../../sim/state/agent-store'
import type { JsonValue } from '../../sim/state/world'
import { summarizeWorld } from '../../sim/world-summary'
import { now, type CommandRun } from '../command'
import { round6 } from './arg-types'
import { STREAM_SCHEMA_VERSION } from '../../telemetry/stream/stream-schema'
import { employmentQueue, objectStock, stabilityBlock, transportBlock } from './telemetry-blocks'
import type { TelemetrySnapshotBlocksSchema } from '../../../shared/contract/console-commands/telemetry-results'

/**
 * The telemetry schema the answer follows: the stream's "MAJOR.MINOR" (it was the integer 1 before
 * the stability and transport blocks joined). New fields may be added within a minor version.
 */
export const TELEMETRY_SNAPSHOT_SCHEMA_VERSION = STREAM_SCHEMA_VERSION

export const telemetrySnapshotRun: CommandRun<'telemetry_snapshot'> = (ctx) => {
  const { world, policy, snapshots } = ctx
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
  const blocks: z.infer<typeof TelemetrySnapshotBlocksSchema> = {
    schema_version: TELEMETRY_SNAPSHOT_SCHEMA_VERSION,
    stability: stabilityBlock(ctx),
    transport: transportBlock(ctx),
    object_stock: objectStock(world),
    employment_queue: employmentQueue(world),
    possessed_agents: ctx.telemetry?.hub()?.conflicts.possessed() ?? null
  }
  // The blocks are plain numbers, strings, arrays and objects (TelemetrySnapshotBlocksSchema types them).
  const json = blocks as unknown as { [key: string]: JsonValue }
  return now({
    schema_version: json.schema_version!,
    tick: state.tick,
    day: summary.day,
    clock: summary.clock,
    agents,
    employment: { ...summary.employment, jobs: params.jobs.map((j) => j.id) },
    employment_queue: json.employment_queue!,
    economy: { prices: { ...state.prices }, utilities: { ...state.utilities } },
    object_stock: json.object_stock!,
    // Active alerts, the latest metrics and the thresholds in force (null outside a shard).
    stability: json.stability!,
    // The running policy's identity and embedding allocator (null outside a shard).
    policy: policy ? policyPart(policy.status()) : null,
    // The latest snapshot saved, autosaved, migrated or loaded: name, action, tick, identity (null before any, and outside a shard).
    last_snapshot: snapshots ? snapshots.last() : null,
    // The telemetry pipe's status (each transport's connected, dropped_messages, last success and failure, last error) with attached: true; {attached: false} when it streams nowhere.
    transport: json.transport!,
    possessed_agents: json.possessed_agents!
  })
}

/** The identity and embedding metrics of a policy_status payload. */
function policyPart(status: JsonValue): JsonValue {
  if (status === null || typeof status !== 'object' || Array.isArray(status)) return null
  return { identity: status.identity ?? null, embedding: status.embedding ?? null }
}
