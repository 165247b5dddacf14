/**
 * Contract-valid sample DTOs for unit tests on every side (host, Electron glue, renderer), so a
 * change to a DTO is mended in one place.
 */
import type { ConfigSummary } from '../contract/dto/config-summary'
import { FRAME_SCHEMA_VERSION, type Frame } from '../contract/dto/frame'
import type { ShardStatus } from '../contract/dto/shard-status'
import { emptyWorldSummary } from '../contract/dto/world-summary'

export const sampleConfig: ConfigSummary = {
  config_id: 'default-v1',
  seed: 42,
  tick_ms: 100,
  source: 'embedded:default',
  sha256: 'a'.repeat(64)
}

export function sampleStatus(overrides: Partial<ShardStatus> = {}): ShardStatus {
  return { state: 'idle', tick: 0, speed: 10, measured_tps: 0, config: sampleConfig, restarts: 0, ...overrides }
}

export function sampleFrame(frameSeq: number, status: Partial<ShardStatus> = {}, agents = 0): Frame {
  return { schema_version: FRAME_SCHEMA_VERSION, frame_seq: frameSeq, status: sampleStatus(status), world: { ...emptyWorldSummary(), agents } }
}
