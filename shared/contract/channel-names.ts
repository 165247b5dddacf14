/**
 * Channel names as plain strings, for the preload allow-list: the sandboxed preload stays free of
 * zod. A test keeps these lists equal to the keys of the contract table.
 */
export const INVOKE_CHANNEL_NAMES = [
  'app.info',
  'shard.status',
  'session.history',
  'shard.start',
  'shard.pause',
  'shard.resume',
  'shard.step',
  'shard.set-speed',
  'shard.restart',
  'config.load',
  'config.list',
  'config.pick',
  'console.run',
  'console.session',
  'console.auth',
  'console.commands',
  'observer.full',
  'observer.next',
  'observer.agent',
  'policy.status',
  'policy.trace',
  'snapshot.list',
  'snapshot.save',
  'snapshot.inspect',
  'snapshot.validate',
  'snapshot.migrate-preview',
  'snapshot.migrate',
  'snapshot.load',
  'snapshot.diff',
  'history.runs',
  'history.run',
  'telemetry.status',
  'timeline.status',
  'timeline.frame',
  'timeline.fork',
  'timeline.reopen',
  'timeline.bookmark',
  'debug.crash-worker'
] as const

export const EVENT_CHANNEL_NAMES = ['shard.frame', 'loop.failure', 'config.loaded', 'log.entry', 'console.result', 'console.role', 'telemetry.transport', 'snapshot.changed'] as const
