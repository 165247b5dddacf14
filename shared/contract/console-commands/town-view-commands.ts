/**
 * Read-only views of the town: `help`, `telemetry_snapshot` (jobs, economy, stability, policy,
 * transport in one versioned payload), `health_status` (loop.health as the shard knows it now),
 * `queue_inspect` (one object's queue) and `debug_queues` (every busy object).
 */
import { z } from 'zod'
import { idArg } from './arg-types'
import { defineDescriptor } from './descriptor'
import { HealthStatusSchema, TelemetrySnapshotBlocksSchema } from './telemetry-results'

export const helpDescriptor = defineDescriptor({
  name: 'help',
  role: 'viewer',
  destructive: false,
  help: "List every command, or show one command's usage and arguments.",
  args: z.object({ command: z.string().min(1).max(64).optional().describe('a command name, for its usage') }).strict()
})

export const telemetrySnapshotDescriptor = defineDescriptor({
  name: 'telemetry_snapshot',
  role: 'viewer',
  destructive: false,
  help: "Every agent's job and economy status (job, shift, on shift, wallet, attendance, lateness, wages, meals), employment totals and exit-queue numbers, prices, utilities and object stock, the stability block (active alerts, latest metrics, thresholds), the policy's identity and embedding allocator, the latest snapshot (its identity and RNG fingerprints), the possessed agents, and the telemetry transport ({attached: false} when it streams nowhere).",
  args: z.object({}).strict(),
  // The versioned blocks; the per-agent and economy parts pass through unchecked.
  result: TelemetrySnapshotBlocksSchema
})

export const healthStatusDescriptor = defineDescriptor({
  name: 'health_status',
  role: 'viewer',
  destructive: false,
  help: "The shard's loop health, as loop.health has it: the last ticks' duration (mean and max), console operations waiting, the telemetry transport (null when it streams nowhere) and its drops, perturbations pending and active, and the exit queue.",
  args: z.object({}).strict(),
  result: HealthStatusSchema
})

export const queueInspectDescriptor = defineDescriptor({
  name: 'queue_inspect',
  role: 'viewer',
  destructive: false,
  help: "One object's holder, queue (with the tick each joined), cooldowns (with ticks remaining), stall count, running affordance and the queue counters.",
  args: z.object({ object: idArg('the object\'s id, e.g. "fridge_1"') }).strict()
})

export const debugQueuesDescriptor = defineDescriptor({
  name: 'debug_queues',
  role: 'viewer',
  destructive: false,
  help: 'Every object that has a holder or a queue, plus the queue counters.',
  args: z.object({}).strict()
})
