/**
 * A page that opens (or reloads) while a town is paused asks the host for its history on
 * connection, and the World card, the Log and the Tick-rate card are full at once.
 */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Frame } from '../../../shared/contract/dto/frame'
import { SESSION_HISTORY_SCHEMA_VERSION, type SessionHistory } from '../../../shared/contract/dto/session-history'
import { err, ok, type Result } from '../../../shared/result'
import { sampleFrame, sampleObserverFull, sampleSession, sampleStatus } from '../../../shared/testing/contract-samples'
import { LogCard } from '../features/overview/log-card'
import { TpsChart } from '../features/overview/tps-chart'
import { WorldCard } from '../features/overview/world-card'
import { createStores } from '../stores/stores'
import { FakeClient } from '../testing/fake-client'
import { countOf, textOf } from '../testing/markup'
import { createTestSession } from '../testing/session-fixture'
import { createCommands } from './commands'
import { SessionProvider } from './session-context'
import { acceptHistory } from './shard-sync'
import { wireClient } from './wire-client'

function pausedTown(seq: number): Frame {
  const frame = sampleFrame(seq, { state: 'paused', tick: 2_000 }, 8)
  return { ...frame, world: { ...frame.world, day: 1, clock: '15:20' } }
}

function history(now: number): SessionHistory {
  return {
    schema_version: SESSION_HISTORY_SCHEMA_VERSION,
    now,
    frame: pausedTown(12),
    log: [
      { level: 'info', source: 'host', message: 'shard started with config default', at: now - 9_000 },
      { level: 'info', source: 'shard', message: 'clock paused at tick 2000', at: now - 1_000 }
    ],
    tps: [
      { at: now - 3_000, tick: 1_900, tps: 40 },
      { at: now - 2_500, tick: 1_920, tps: 40 },
      { at: now - 2_000, tick: 1_940, tps: 0 }
    ],
    needs: [],
    kpis: []
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

function connect(answer: () => Result<SessionHistory>) {
  const client = new FakeClient({
    'app.info': () => ok({ mode: 'browser', version: '0', can_pick_file: false, test_hooks: false, configs_dir: '/c' }),
    // The status reply of a paused shard: no frame follows it, so only the history brings the town.
    'shard.status': () => ok(sampleStatus({ state: 'paused', tick: 2_000 })),
    'config.list': () => ok([]),
    'observer.next': (req) => (req.after === null ? ok({ frame: sampleObserverFull(0) }) : new Promise(() => {})),
    'console.session': () => ok(sampleSession),
    'console.commands': () => ok([]),
    'session.history': answer
  })
  const stores = createStores()
  wireClient(client, stores, createCommands(client, stores))
  client.setConnection({ state: 'connected' })
  return { client, stores }
}

describe('joining late', () => {
  it('asks the host for its history on connection and seeds the world, the log and the tick rate', async () => {
    const now = Date.now()
    const { client, stores } = connect(() => ok(history(now)))
    // A line broadcast while the reply is on its way is kept, and not doubled: the same line, with
    // the host's same time stamp (one clock reading, or a slow machine would make two lines).
    client.emit('log.entry', { level: 'info', source: 'shard', message: 'clock paused at tick 2000', at: now - 1_000 })
    await flush()
    await flush()
    expect(client.channelsCalled()).toContain('session.history')
    expect(stores.shard.getState().world?.agents).toBe(8)
    expect(stores.logs.getState().entries.map((e) => e.message)).toEqual(['shard started with config default', 'clock paused at tick 2000'])
    expect(stores.shard.getState().tpsHistory.length).toBeGreaterThanOrEqual(3)
  })

  it('asks again on a reconnection, and says so when the host refuses', async () => {
    const { client, stores } = connect(() => err('internal.error', 'no history'))
    await flush()
    expect(stores.failures.getState().notices.map((n) => n.message)).toContain('no history')
    client.setConnection({ state: 'disconnected' })
    client.setConnection({ state: 'connected' })
    await flush()
    expect(client.channelsCalled().filter((c) => c === 'session.history')).toHaveLength(2)
  })
})

describe('the Overview after joining late', () => {
  const session = createTestSession((s) => {
    s.shard.getState().setStatus(sampleStatus({ state: 'paused', tick: 2_000 }), 100_000)
    acceptHistory(s, history(50_000), 100_000)
  })
  const html = renderToStaticMarkup(
    <SessionProvider session={session}>
      <WorldCard />
      <LogCard />
      <TpsChart />
    </SessionProvider>
  ).replace(/<!-- -->/g, '')

  it('shows the paused town in the World card, not "waiting for the first frame"', () => {
    expect(textOf(html, 'world-agents')).toBe('8')
    expect(textOf(html, 'world-time')).toBe('day 1 · 15:20')
    expect(html).not.toContain('waiting for the first frame')
  })

  it('fills the Log with the host lines and the Tick-rate card with its samples', () => {
    expect(countOf(html, 'log-line')).toBe(2)
    expect(html).toContain('shard started with config default')
    // Paused: the newest sample is 0, and the smoothed figure says so at once.
    expect(textOf(html, 'tps-now')).toBe('0.0 t/s')
  })
})
