/**
 * The blocks the telemetry commands share, built from what the shard hands the console
 * (CommandContext): stability (alerts, metrics, thresholds), the transport status, loop health,
 * object stock and the employment queue in numbers. Read-only, JSON-safe, typed by
 * telemetry-results.ts.
 */
import type { World } from '../../sim/state/world'
import { PipeStatusSchema } from '../../telemetry/stream/stream-schema'
import type { CommandContext } from '../command'
import type { HealthBlock, StabilityBlock, TransportBlock } from '../../../shared/contract/console-commands/telemetry-results'
import type { z } from 'zod'
import type { EmploymentQueueSchema, ObjectStockSchema } from '../../../shared/contract/console-commands/telemetry-results'

type PipeStatus = z.infer<typeof PipeStatusSchema>

/** The hub's active alerts and latest metrics, thresholds apart; null without a hub (outside a shard). */
export function stabilityBlock(ctx: CommandContext): StabilityBlock | null {
  const now = ctx.telemetry?.hub()?.stabilityNow()
  if (!now) return null
  const { thresholds, ...metrics } = now.metrics
  return { tick: now.tick, alerts: now.alerts, metrics, thresholds: { ...thresholds } }
}

/**
 * The telemetry pipe's status, checked against the stream's schema (the hook hands out JSON);
 * null when no pipe is attached, or when what it reports is not a pipe status.
 */
export function pipeStatus(ctx: CommandContext): PipeStatus | null {
  const raw = ctx.transport?.() ?? null
  if (raw === null) return null
  const parsed = PipeStatusSchema.safeParse(raw)
  return parsed.success ? parsed.data : null
}

export function transportBlock(ctx: CommandContext): TransportBlock {
  const status = pipeStatus(ctx)
  return status ? { attached: true, ...status } : { attached: false }
}

/**
 * loop.health as the shard knows it now: the last ticks' wall-clock cost, console operations
 * waiting, the transport (null without a pipe), perturbations and the exit queue.
 */
export function healthBlock(ctx: CommandContext): { window_ticks: number; health: HealthBlock } {
  const { state } = ctx.world
  const timing = ctx.telemetry?.tickTiming() ?? { ticks: 0, mean_ms: 0, max_ms: 0 }
  const transport = pipeStatus(ctx)
  return {
    window_ticks: timing.ticks,
    health: {
      tick_duration_ms: { mean: timing.mean_ms, max: timing.max_ms },
      queue_depth: { transport_messages: transport ? transport.transports.reduce((m, t) => Math.max(m, t.queued_messages), 0) : 0, console_ops: ctx.telemetry?.consoleOps() ?? 0 },
      transport,
      dropped: { transport: transport?.dropped_messages ?? 0, unencodable: transport?.unencodable_messages ?? 0 },
      perturbations: { pending: state.perturbations.pending.length, active: state.perturbations.active.length },
      exit_queue: state.lifecycle.employment.queue.length
    }
  }
}

/** Every object that holds stock, in map order. */
export function objectStock(world: World): z.infer<typeof ObjectStockSchema> {
  const objects = world.state.objects
  const out: z.infer<typeof ObjectStockSchema> = []
  for (let o = 0; o < objects.count; o++) {
    const stock = objects.stock[o]
    if (stock && Object.keys(stock).length > 0) out.push({ object_id: objects.ids[o]!, type: objects.types[o]!, stock: { ...stock } })
  }
  return out
}

export function employmentQueue(world: World): z.infer<typeof EmploymentQueueSchema> {
  const { state, params } = world
  const queue = state.lifecycle.employment.queue
  const oldest = queue.reduce((m, q) => Math.min(m, q.since), state.tick)
  return {
    pending_count: queue.length,
    gate_count: state.lifecycle.pending.length,
    exits_today: state.lifecycle.exits_today,
    daily_exit_cap: params.config.employment.daily_exit_cap,
    queue_limit: params.config.employment.exit_queue_limit,
    review_window_ticks: params.config.employment.review_window_ticks,
    oldest_wait_ticks: Math.max(0, state.tick - oldest)
  }
}
