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
  // telemetry transports (docs/telemetry.md)
  /** A `--telemetry SPEC` that is none of stdout, file:PATH, tcp://, tls://, http://, https://. */
  'telemetry.invalid_spec',
  /** A message that JSON cannot carry (a cycle, a BigInt): it is dropped, never sent. */
  'telemetry.unencodable',
  /** The TCP endpoint refused, reset or never answered the connection. */
  'telemetry.unreachable',
  /** The TLS handshake failed: the endpoint's certificate was refused, or it spoke no TLS. */
  'telemetry.tls_refused',
  /** The stream file could not be opened, written or rotated (permissions, a full disk, a missing folder). */
  'telemetry.write_failed',
  /** The webhook answered outside 2xx, or the request failed. */
  'telemetry.http_failed',
  /** The endpoint did not answer in time. */
  'telemetry.timeout',
  /** The output was closed (a reader that went away: EPIPE), so nothing more can be written there. */
  'telemetry.closed',
  /** `townlet telemetry check`: the stream file named does not exist. */
  'telemetry.stream_not_found',
  /** `townlet telemetry check`: the stream file cannot be read (a folder, a FIFO, permissions, an I/O error). */
  'telemetry.stream_unreadable',
  // files a client, a config or a command line names
  /** The path lies outside every workspace root (the configs folder, the workspace, the app's data). */
  'fs.outside_workspace',
  // run history in SQLite (docs/history.md)
  /** The history file named does not exist (a read: `history list|show`). */
  'history.not_found',
  /** The file is not a history database: not SQLite, truncated, corrupt, or SQLite of another application. */
  'history.unusable',
  /** The file was written by a newer townlet (its schema_version is above what this one knows). */
  'history.too_new',
  /** No run with that id in the file. */
  'history.run_not_found',
  /** A run id that cannot be one (not a positive whole number of sane size). */
  'history.invalid_run_id',
  /** SQLite refused a write (disk full, read-only file, locked by another writer). */
  'history.write_failed',
  // browser mode's HTTP API (docs/http-api.md)
  /** No bearer token, or one that is neither this run's access token nor the admin token. */
  'http.unauthorized',
  /** The body is not JSON (or not UTF-8). */
  'http.invalid_json',
  /** The body is bigger than the API takes. */
  'http.too_large',
  /** The body is not sent as application/json. */
  'http.unsupported_media_type',
  'http.not_found',
  'http.method_not_allowed',
  /** A request from a page of another origin (the API answers only its own pages and non-browser clients). */
  'http.forbidden_origin',
  /** The body did not arrive in time. */
  'http.timeout',
  /** Too many API requests in flight at once: wait for some to finish. */
  'http.busy',
  // host services
  /** The host stopped before a queued command reached its tick, so it never applied. */
  'host.shutdown',
  'app.unsupported',
  'app.forbidden',
  'internal.error'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]
