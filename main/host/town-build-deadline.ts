/**
 * How long checking or building a whole town may take. The config check (a validator thread)
 * stops at it, and the shard worker's init and config loads, which build the same town again,
 * are given as long before the host answers `shard.timeout`.
 */
export const TOWN_BUILD_DEADLINE_MS = 60_000
