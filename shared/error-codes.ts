/**
 * Stable error codes. Clients switch on these, so a code is never renamed once shipped;
 * add new ones instead.
 */
export const ERROR_CODES = [
  // transport and contract
  'ipc.unknown_channel',
  'ipc.invalid_payload',
  'ipc.forbidden_sender',
  /** The channel needs the admin role and the session is a viewer. */
  'ipc.forbidden_role',
  'ipc.invalid_response',
  'ipc.disconnected',
  /** Too many requests in flight on one socket: wait for replies, then ask again. */
  'ipc.busy',
  /** A reply not sent because the client has not read what it was sent already. */
  'ipc.backpressure',
  // configuration
  'config.not_found',
  'config.unreadable',
  'config.invalid',
  /** Checking the config took longer than the host allows (a town too big to build in time). */
  'config.timeout',
  // shard runtime
  'shard.crashed',
  'shard.not_ready',
  'shard.timeout',
  'shard.failed',
  // operator console
  'console.unknown_command',
  'console.invalid_args',
  'console.forbidden',
  'console.unauthorized',
  'console.cmd_id_required',
  'console.cmd_id_conflict',
  'console.not_found',
  'console.conflict',
  /** Too many wrong admin tokens (from this session, or from every session together): wait, then try again. */
  'console.throttled',
  // policy runtime and behaviour cloning
  'policy.model_not_found',
  'policy.invalid_model',
  'policy.model_mismatch',
  'policy.checksum_mismatch',
  'policy.gate_failed',
  'policy.inference_failed',
  'policy.invalid_dataset',
  // snapshots (docs/snapshots.md): what is wrong with a snapshot file, and so what to do
  /** An unknown or newer schema_version (a 1.x document is a legacy one: import it). */
  'snapshot.schema_mismatch',
  /** The snapshot is of another config_id and no migration may run. */
  'snapshot.config_mismatch',
  /** A migration path exists but must be applied first (migrate, or enable auto_apply). */
  'snapshot.migration_required',
  'snapshot.migration_failed',
  /** The checksum does not match the state: the file was changed or cut short. */
  'snapshot.integrity',
  /** Not a snapshot document: bad JSON or gzip, missing or mistyped fields. */
  'snapshot.invalid',
  'snapshot.too_large',
  'snapshot.not_found',
  /** A snapshot path (or the storage root) that resolves outside the workspace, links followed. */
  'snapshot.outside_workspace',
  // the session timeline (docs/timeline.md)
  /** The tick is outside what the timeline holds (older than its earliest keyframe, or after the live tick). */
  'timeline.unreachable',
  'timeline.unknown_branch',
  /** A step is in flight: pause the shard first. */
  'timeline.busy',
  /** Replaying the logged inputs did not reproduce the recorded run (a bug, or an input the log missed). */
  'timeline.diverged',
  // files a client, a config or a command line names
  /** The path lies outside every workspace root (the configs folder, the workspace, the app's data). */
  'fs.outside_workspace',
  // host services
  /** The host stopped before a queued command reached its tick, so it never applied. */
  'host.shutdown',
  'app.unsupported',
  'app.forbidden',
  'internal.error'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]
