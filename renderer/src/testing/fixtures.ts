/** Contract-valid sample data for the renderer's unit tests. */
import type { ConfigSummary } from '../../../shared/contract/dto/config-summary'
import type { Frame } from '../../../shared/contract/dto/frame'
import type { ShardStatus } from '../../../shared/contract/dto/shard-status'

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
  return { schema_version: 1, frame_seq: frameSeq, status: sampleStatus(status), world: { agents } }
}
