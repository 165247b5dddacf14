import { describe, expect, it } from 'vitest'
import { EVENT_CHANNEL_NAMES, INVOKE_CHANNEL_NAMES } from './channel-names'
import { adminChannels, eventChannels, invokeChannels, isEventName, isInvokeName } from './channels'

describe('contract table', () => {
  it('keeps the preload allow-list equal to the invoke table', () => {
    expect([...INVOKE_CHANNEL_NAMES].sort()).toEqual(Object.keys(invokeChannels).sort())
  })

  it('keeps the preload allow-list equal to the event table', () => {
    expect([...EVENT_CHANNEL_NAMES].sort()).toEqual(Object.keys(eventChannels).sort())
  })

  it('never uses one name for both an invoke and an event channel', () => {
    for (const name of Object.keys(invokeChannels)) expect(isEventName(name)).toBe(false)
    for (const name of Object.keys(eventChannels)) expect(isInvokeName(name)).toBe(false)
  })

  it('does not treat prototype keys as channels', () => {
    expect(isInvokeName('toString')).toBe(false)
    expect(isEventName('__proto__')).toBe(false)
  })

  it('declares a role beside every channel, and keeps every channel that changes the shard admin-only', () => {
    for (const [name, spec] of [...Object.entries(invokeChannels), ...Object.entries(eventChannels)]) {
      expect(['viewer', 'admin'], name).toContain(spec.role)
    }
    // Pinned: a new channel that changes the shard must be added here on purpose, as admin.
    expect(adminChannels()).toEqual(['shard.start', 'shard.pause', 'shard.resume', 'shard.step', 'shard.set-speed', 'shard.restart', 'config.load', 'config.pick', 'snapshot.save', 'snapshot.migrate', 'snapshot.load', 'timeline.fork', 'timeline.reopen', 'timeline.bookmark', 'debug.crash-worker'])
  })

  it('names snapshot files, never paths: every snapshot channel refuses a folder or a climb out of the storage root', () => {
    for (const name of ['../x.json', 'a/b.json', '/etc/passwd.json', '.hidden.json', 'x.txt', 'x.json\u0000', '']) {
      expect(invokeChannels['snapshot.load'].req.safeParse({ name }).success, name).toBe(false)
      expect(invokeChannels['snapshot.inspect'].req.safeParse({ name }).success, name).toBe(false)
      expect(invokeChannels['snapshot.diff'].req.safeParse({ a: name, b: 'ok.json' }).success, name).toBe(false)
      expect(invokeChannels['shard.restart'].req.safeParse({ snapshot: name }).success, name).toBe(false)
    }
    expect(invokeChannels['snapshot.load'].req.safeParse({ name: 'autosave-1200-ab12cd34.json.gz' }).success).toBe(true)
    expect(invokeChannels['shard.restart'].req.safeParse({}).success).toBe(true)
    for (const name of ['snapshot.list', 'snapshot.inspect', 'snapshot.validate', 'snapshot.migrate-preview', 'snapshot.diff'] as const) expect(invokeChannels[name].role, name).toBe('viewer')
  })

  it('lets every session read the late-join history, and only read it', () => {
    // A viewer that reloads must see the same panels as one that stayed; the request carries nothing.
    expect(invokeChannels['session.history'].role).toBe('viewer')
    expect(invokeChannels['session.history'].req.safeParse({}).success).toBe(true)
    expect(invokeChannels['session.history'].req.safeParse({ since: 0 }).success).toBe(false)
  })
})
