/**
 * Simple handlers for every invoke channel, valid against the contract, so tests can run the
 * real registry. Each records the channels it was called on in `calls`.
 */
import type { ConfigSummary } from '../../../shared/contract/dto/config-summary'
import type { ShardStatus } from '../../../shared/contract/dto/shard-status'
import type { CallContext, Handlers } from '../../host/registry'

export const fakeConfig: ConfigSummary = {
  config_id: 'test',
  seed: 1,
  tick_ms: 100,
  source: 'embedded:default',
  sha256: '0'.repeat(64)
}

export const fakeStatus: ShardStatus = { state: 'paused', tick: 0, speed: 10, measured_tps: 0, config: fakeConfig, restarts: 0 }

/** Handlers for all channels plus the log of what was called, with which request and context. */
export function fakeHandlers(): { handlers: Handlers; calls: Array<{ channel: string; req: unknown; ctx: CallContext }> } {
  const calls: Array<{ channel: string; req: unknown; ctx: CallContext }> = []
  const rec =
    <T>(channel: string, value: T) =>
    (req: unknown, ctx: CallContext): T => {
      calls.push({ channel, req, ctx })
      return value
    }
  const handlers: Handlers = {
    'app.info': rec('app.info', { mode: 'electron', version: '1.0.0', can_pick_file: true, test_hooks: false, configs_dir: '/configs' }),
    'shard.status': rec('shard.status', fakeStatus),
    'shard.start': rec('shard.start', fakeStatus),
    'shard.pause': rec('shard.pause', fakeStatus),
    'shard.resume': rec('shard.resume', fakeStatus),
    'shard.step': rec('shard.step', fakeStatus),
    'shard.set-speed': rec('shard.set-speed', fakeStatus),
    'shard.restart': rec('shard.restart', fakeStatus),
    'config.load': rec('config.load', fakeConfig),
    'config.list': rec('config.list', []),
    'config.pick': rec('config.pick', { path: null }),
    'debug.crash-worker': rec('debug.crash-worker', { crashing: true as const })
  }
  return { handlers, calls }
}
