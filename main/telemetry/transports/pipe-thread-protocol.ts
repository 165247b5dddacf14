/**
 * The messages between `ThreadedPipe` (on the tick's thread) and its pipe worker (where the
 * transports run). Both ends are ours and built together, so plain types suffice; what comes from
 * outside (the config block, the workspace roots) was parsed before the worker was started.
 */
import type { TransportBlockConfig } from '../../config/sections/telemetry'
import type { WorkspaceRoots } from '../../fs/workspace'
import type { AppError } from '../../../shared/result'
import type { TelemetryPipeStatus } from './telemetry-pipe'

/** `workerData.role` of a pipe worker started from the shared worker script (main/shard/worker-entry.ts). */
export const PIPE_WORKER_ROLE = 'telemetry-pipe'

export interface PipeWorkerData {
  role: typeof PIPE_WORKER_ROLE
  block: TransportBlockConfig
  workspace: WorkspaceRoots
  base: string
}

export type ToPipeWorker =
  /** Encoded lines to enqueue on every transport; the tick they were sent at. */
  | { type: 'lines'; lines: string[]; tick: number | null }
  | { type: 'flush'; id: number; timeoutMs: number }
  | { type: 'close'; id: number; timeoutMs: number }

export type FromPipeWorker =
  | { type: 'ready'; error: AppError | null; status: TelemetryPipeStatus }
  /** The lines were enqueued (the next batch may come); the transports as they stand. */
  | { type: 'took'; status: TelemetryPipeStatus }
  | { type: 'flushed'; id: number; ok: boolean; status: TelemetryPipeStatus }
  | { type: 'closed'; id: number; status: TelemetryPipeStatus }
