/**
 * What a console command is on the host: its descriptor from the contract (name, role,
 * destructive flag, help, argument schema: shared/contract/console-commands) plus `run`, which
 * reads the live world and answers at once, or hands back an engine operation to queue for the
 * next tick boundary. `run` never mutates the world: every change goes through the tick, so it is
 * recorded in the input log and replays.
 */
import type { z } from 'zod'
import type { CommandDescriptor, ConsoleCommandName, ParsedConsoleArgs } from '../../shared/contract/console-commands'
import type { CommandInfo } from '../../shared/contract/dto/console'
import type { ErrorCode } from '../../shared/error-codes'
import type { Result } from '../../shared/result'
import type { ConsoleOp } from '../sim/inputs'
import type { JsonValue, World } from '../sim/state/world'
import type { Alert } from '../../shared/contract/dto/society'
import type { ConflictHistory } from '../telemetry/conflict-history'
import type { StabilityMetrics } from '../telemetry/stability/stability-monitor'

/** What `run` decided. */
export type CommandOutcome =
  /** Read-only: the answer, now. */
  | { kind: 'now'; value: JsonValue }
  /** A change: queued as a tick input; the engine's `console.result` event is the final answer. */
  | { kind: 'op'; op: ConsoleOp }
  /** Refused before anything was queued (an unknown id, a tile off the map …). */
  | { kind: 'error'; code: ErrorCode; message: string }
  /**
   * Work outside the tick that takes time (loading a model): answered `queued` now, final when
   * the promise settles. Only for changes that are not world state (the policy in use).
   */
  | { kind: 'later'; result: Promise<Result<JsonValue>> }

/** The commands a command can look up (for `help`). */
export interface CommandCatalog {
  names(): string[]
  info(name: string): CommandInfo | undefined
  list(): CommandInfo[]
}

/** The policy runtime as commands see it (the shard provides it; absent in bare engine tests). */
export interface PolicyControl {
  /** The running policy's status (identity, anneal, latency, allocator …), JSON-safe. */
  status(): JsonValue
  /** Load a model (or "scripted") and use it from the next tick; the current policy stays on failure. */
  swap(model: string): Promise<Result<JsonValue>>
}

/**
 * The shard's snapshots as commands see them (the shard provides it): files are read and written
 * off the tick, so every call but `last` is answered later. Names are files in the storage root.
 */
export interface SnapshotControl {
  /** The latest snapshot saved, autosaved, migrated or loaded (null before any), JSON-safe. */
  last(): JsonValue
  save(options: { gzip?: boolean; label?: string }): Promise<Result<JsonValue>>
  list(): Promise<Result<JsonValue>>
  inspect(name: string): Promise<Result<JsonValue>>
  validate(name: string, strict: boolean): Promise<Result<JsonValue>>
  /** A dry run: the chain to the live config, each step's description and the diff. */
  preview(name: string): Promise<Result<JsonValue>>
  /** A new file in `output` (a folder inside the workspace; default the storage root); the source is never changed. */
  migrate(name: string, output?: string): Promise<Result<JsonValue>>
  /** Into the running shard, paused first; a refused load changes nothing. */
  load(name: string): Promise<Result<JsonValue>>
  diff(a: string, b: string): Promise<Result<JsonValue>>
}

/**
 * What the shard knows of its town beyond the world (the shard provides it; absent in bare
 * engine tests): the telemetry hub's stability and conflict caches, and the loop's own figures.
 */
export interface TelemetryReadout {
  /** The live town's hub, read only (undefined when none watches it). */
  hub(): { stabilityNow(): { tick: number; alerts: Alert[]; metrics: StabilityMetrics }; readonly conflicts: ConflictHistory } | undefined
  /** Wall-clock cost of the last ticks (the engine tick and its listeners). */
  tickTiming(): { ticks: number; mean_ms: number; max_ms: number }
  /** Console operations waiting for the next tick. */
  consoleOps(): number
}

/** What `run` may read. */
export interface CommandContext {
  readonly world: World
  readonly catalog: CommandCatalog
  readonly policy?: PolicyControl
  readonly snapshots?: SnapshotControl
  /** The telemetry stream's transport status (telemetry_snapshot's `transport`); null or absent when the shard streams nowhere. */
  readonly transport?: () => JsonValue | null
  readonly telemetry?: TelemetryReadout
}

/** A descriptor with its `run`: what the registry holds. */
export interface ConsoleCommand<S extends z.ZodObject = z.ZodObject> extends CommandDescriptor<string, S> {
  // Method syntax on purpose: a registry holds commands of many schemas (bivariant parameters).
  run(ctx: CommandContext, args: z.infer<S>): CommandOutcome
}

/** Any registered command, whatever its argument schema. */
export type AnyCommand = ConsoleCommand<z.ZodObject>

/** The `run` of contract command `N`: its arguments arrive parsed by the descriptor's schema. */
export type CommandRun<N extends ConsoleCommandName> = (ctx: CommandContext, args: ParsedConsoleArgs<N>) => CommandOutcome

/** One `run` per contract command, no more and no fewer (commands/index.ts fills it). */
export type CommandRuns = { readonly [N in ConsoleCommandName]: CommandRun<N> }

/** A descriptor joined with its `run`. */
export function withRun<S extends z.ZodObject>(descriptor: CommandDescriptor<string, S>, run: (ctx: CommandContext, args: z.infer<S>) => CommandOutcome): ConsoleCommand<S> {
  return { ...descriptor, run }
}

/**
 * A command outside the contract, descriptor and `run` in one (tests build such commands to drive
 * the router); the built-in commands are the contract's descriptors joined with their runs.
 */
export function defineCommand<S extends z.ZodObject>(command: ConsoleCommand<S>): ConsoleCommand<S> {
  return command
}

/** Shorthands for outcomes. */
export const now = (value: JsonValue): CommandOutcome => ({ kind: 'now', value })
export const queue = (op: ConsoleOp): CommandOutcome => ({ kind: 'op', op })
export const refuse = (code: ErrorCode, message: string): CommandOutcome => ({ kind: 'error', code, message })
export const later = (result: Promise<Result<JsonValue>>): CommandOutcome => ({ kind: 'later', result })
