import { describe, expect, it } from 'vitest'
import type { ObserverFrame } from '../../../shared/contract/dto/observer'
import { err, ok, type Result } from '../../../shared/result'
import { sampleConfig, sampleObserverFull } from '../../../shared/testing/contract-samples'
import { createStores } from '../stores/stores'
import { FakeClient } from '../testing/fake-client'
import { sampleDiff } from '../testing/observer-samples'
import { createCommands } from './commands'
import { wireClient } from './wire-client'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

/** A host whose `observer.next` answers come from the test, one request at a time. */
function setup() {
  const asked: (number | null)[] = []
  const answers: ((reply: Result<{ frame: ObserverFrame | null }>) => void)[] = []
  const client = new FakeClient({
    'observer.next': (req) => {
      asked.push(req.after)
      return new Promise((resolve) => answers.push(resolve))
    }
  })
  const stores = createStores()
  const commands = createCommands(client, stores)
  wireClient(client, stores, commands)
  /** Answer the request waiting now. */
  const answer = async (reply: Result<{ frame: ObserverFrame | null }>) => {
    await flush()
    // After a frame that took long to apply (a loaded machine) the stream idles as long before it
    // asks again: wait for the request rather than counting turns of the event loop.
    for (const deadline = Date.now() + 2_000; answers.length === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5))
    const next = answers.shift()
    if (!next) throw new Error('no observer.next request is waiting')
    next(reply)
    // The stream lets the panels render (a zero wait) before it asks again.
    await flush()
    await flush()
  }
  return { client, stores, asked, answers, answer }
}

describe('the observer stream', () => {
  it('asks for the whole town first, then for what came after the frame it applied, one request at a time', async () => {
    const { client, stores, asked, answers, answer } = setup()
    client.setConnection({ state: 'connected' })
    await answer(ok({ frame: sampleObserverFull(3) }))
    expect(stores.observer.getState()).toMatchObject({ seq: 3, stale: false })
    await answer(ok({ frame: sampleDiff(4, 3) }))
    await answer(ok({ frame: null }))
    await flush()
    expect(asked).toEqual([null, 3, 4, 4])
    expect(answers).toHaveLength(1)
    expect(stores.observer.getState().seq).toBe(4)
  })

  it('asks for the whole town again when a diff does not fit, or another config loads', async () => {
    const { client, stores, asked, answer } = setup()
    client.setConnection({ state: 'connected' })
    await answer(ok({ frame: sampleObserverFull(3) }))
    await answer(ok({ frame: sampleDiff(9, 8) }))
    expect(asked.at(-1)).toBeNull()
    await answer(ok({ frame: sampleObserverFull(9) }))
    client.emit('config.loaded', sampleConfig)
    expect(stores.observer.getState().stale).toBe(true)
    await answer(ok({ frame: null }))
    expect(asked.at(-1)).toBeNull()
  })

  it('shows a failure on the observer panels and retries after a pause, without notices', async () => {
    const { client, stores, asked, answer } = setup()
    client.setConnection({ state: 'connected' })
    await answer(err('shard.failed', 'the shard worker has failed'))
    expect(stores.observer.getState().error).toBe('shard.failed: the shard worker has failed')
    expect(asked).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(asked).toHaveLength(2)
    expect(stores.failures.getState().notices.filter((n) => n.code === 'shard.failed')).toEqual([])
  })

  it('stops on a lost connection and starts afresh on the next one', async () => {
    const { client, stores, asked, answer } = setup()
    client.setConnection({ state: 'connected' })
    await answer(ok({ frame: sampleObserverFull(40) }))
    client.setConnection({ state: 'disconnected', detail: 'lost' })
    await answer(err('ipc.disconnected', 'lost'))
    expect(asked).toHaveLength(2)
    client.setConnection({ state: 'connected' })
    expect(stores.observer.getState().stale).toBe(true)
    await flush()
    expect(asked.at(-1)).toBeNull()
  })
})
