/** `session.history` on a real host: a client that joins late gets the latest frame and what came before. */
import { afterEach, describe, expect, it } from 'vitest'
import type { Frame } from '../../shared/contract/dto/frame'
import { SessionHistorySchema, type SessionHistory } from '../../shared/contract/dto/session-history'
import { createTestHost, okValue, type TestHost } from './test-host'

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

async function history(h: TestHost, session = 'late viewer'): Promise<SessionHistory> {
  return SessionHistorySchema.parse(okValue(await h.callAs(session, 'session.history')))
}

describe('session.history with a real shard worker', () => {
  it('hands a viewer who joins a paused town its latest frame, log lines, tick rate, needs and KPIs', async () => {
    host = createTestHost()
    await host.start()
    await host.admin('shard.set-speed', { speed: 'max' })
    await host.admin('shard.start')
    await host.waitFor('shard.frame', (f: Frame) => f.status.tick > 400 && f.status.measured_tps > 0, 20_000)
    // Samples within half a second share a bucket, and the pause's own sample (0 t/s) takes the
    // newest: run until two buckets hold a rate, so one still does after the pause (a fast machine
    // reaches tick 400 within one bucket).
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      if ((await history(host)).tps.filter((s) => s.tps > 0).length >= 2) break
    }
    const paused = okValue<{ tick: number }>(await host.admin('shard.pause'))

    const late = await history(host)
    // The frame is the one the host sent last: the paused town, with its people in it.
    expect(late.frame?.status).toMatchObject({ state: 'paused', tick: paused.tick })
    expect(late.frame?.world.agents).toBeGreaterThan(0)
    const frames = host.received.filter((e) => e.name === 'shard.frame').map((e) => e.payload as Frame)
    expect(late.frame?.frame_seq).toBe(frames.at(-1)?.frame_seq)
    expect(late.log.some((e) => e.message.startsWith('shard started with config default'))).toBe(true)
    expect(late.tps.some((s) => s.tps > 0)).toBe(true)
    expect(late.needs.length).toBeGreaterThan(0)
    expect(late.needs.at(-1)?.config).toBe(late.frame?.status.config.sha256)
    // The default town closes a KPI window every so many ticks; a few hundred ticks hold one.
    expect(late.kpis.length).toBeGreaterThan(0)
    expect(late.kpis.at(-1)?.tick).toBeLessThanOrEqual(paused.tick)
    expect(late.now).toBeGreaterThanOrEqual(late.tps.at(-1)?.at ?? 0)
  })

  it('answers before the first frame too, and only reads (the tick does not move)', async () => {
    host = createTestHost()
    await host.start()
    const first = await history(host)
    const again = await history(host)
    expect(again.frame?.status.tick ?? 0).toBe(first.frame?.status.tick ?? 0)
    expect(first.frame === null || first.frame.status.state === 'idle').toBe(true)
  })
})
