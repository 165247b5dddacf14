/**
 * Work a config can cause is bounded and off the host's main thread (finding 4 of the
 * trust-boundary issue): checking a config builds its whole town, which for a huge population
 * takes seconds; the host keeps answering every client meanwhile, and a check past its deadline
 * is stopped and answered `config.timeout`, the running shard keeping its config.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ShardStatus } from '../../shared/contract/dto/shard-status'
import { bigTownYaml } from '../server/testing/socket-harness'
import { createTestHost, okValue, type TestHost } from './test-host'

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

/** The longest the host's own event loop went without a turn while `work` ran. */
async function longestStall(work: Promise<unknown>): Promise<number> {
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 10)
  try {
    await work
  } finally {
    clearInterval(timer)
  }
  return longest
}

describe('finding 4: validation on the main thread', () => {
  it('keeps answering while a population of 100,000 is checked, stops the check at its deadline, and keeps the running config', async () => {
    host = createTestHost({ validationDeadlineMs: 300 })
    await host.start()
    const dir = await mkdtemp(join(tmpdir(), 'townlet-huge-'))
    await writeFile(join(dir, 'huge.yaml'), bigTownYaml(100_000))
    const before = okValue<ShardStatus>(await host.call('shard.status'))
    // 100,000 people (the most a config may ask for) take longer than 0.3 s to build anywhere
    // this runs; the deadline is short so the check is stopped whatever the machine's speed.
    const loading = host.admin('config.load', { path: join(dir, 'huge.yaml') })
    // Clients are answered throughout: a status request while the town is being built.
    let answered = 0
    const asking = (async () => {
      for (let i = 0; i < 5; i++) {
        if ((await host.call('shard.status')).ok) answered += 1
        await new Promise((r) => setTimeout(r, 100))
      }
    })()
    const stall = await longestStall(Promise.all([loading, asking]))
    const reply = await loading
    expect(!reply.ok && reply.error).toMatchObject({ code: 'config.timeout', message: expect.stringContaining('took longer than 0.3 s') })
    expect(answered).toBe(5)
    // Building 100,000 people on the main thread froze it for many seconds; now it never stalls long.
    expect(stall).toBeLessThan(1_000)
    expect(okValue<ShardStatus>(await host.call('shard.status')).config.config_id).toBe(before.config.config_id)
    // The next check gets a fresh validator thread.
    okValue(await host.admin('config.load', { path: 'configs/scenarios/queue_conflict.yaml' }))
  }, 60_000)
})
