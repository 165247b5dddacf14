/**
 * Where the runtime state beside the world (captureRuntimeState: the policy runtime, the console,
 * the telemetry hub) sits in a snapshot document: `state.policy`, `state.console` and
 * `state.telemetry`, each its own block so a diff shows them apart. A document without them (one
 * `townlet run --save-snapshot` wrote, a legacy import) resumes with a fresh runtime.
 */
import type { ExtraState, SnapshotState } from '../snapshots/snapshot-document'
import { RUNTIME_STATE_SCHEMA_VERSION, type RuntimeStateJson } from './shard-state-json'

/** The runtime state as document blocks: plain JSON copies, so later ticks do not change them. */
export function runtimeBlocks(runtime: RuntimeStateJson): ExtraState {
  const json = JSON.parse(JSON.stringify(runtime)) as { policy: Record<string, unknown>; console: Record<string, unknown>; telemetry: Record<string, unknown> | null }
  return { policy: json.policy, console: json.console, ...(json.telemetry === null ? {} : { telemetry: json.telemetry }) }
}

/** The runtime state a document carries, for restoreRuntimeState (which checks it); undefined when it carries none. */
export function runtimeOf(state: SnapshotState): unknown {
  if (state.policy === undefined && state.console === undefined && state.telemetry === undefined) return undefined
  return { schema_version: RUNTIME_STATE_SCHEMA_VERSION, policy: state.policy, console: state.console, telemetry: state.telemetry ?? null }
}
