/**
 * Pulls the observer stream: one `observer.next` in flight at a time, asking for what came after
 * the last frame the store applied (or the whole town when it has none). The host answers at the
 * pace this page asks, folding whatever it could not take yet into one diff, so a busy page (a
 * big town) never builds a backlog of frames in front of everything else it must read — a
 * Pause reply included. The page paces itself too: after a frame that took long to apply (a
 * big town) it stays idle about as long before asking for the next, so clicks and replies find it
 * free half the time; and while a clock command (a Pause) is on its way it asks for nothing, so
 * the reply never waits behind a frame. A failed request is shown on the observer panels and
 * retried after a pause that grows; a lost connection ends the loop (the next one starts anew).
 */
import type { TownletClient } from '../api/townlet-client'
import type { Stores } from '../stores/stores'

/** How long the host may hold a request while nothing changes (then it answers "nothing new"). */
export const OBSERVER_WAIT_MS = 10_000
/** The first retry after a failure, doubling to RETRY_MAX_MS. */
export const RETRY_MS = 500
const RETRY_MAX_MS = 8_000

/** A frame that took less than this to apply asks for the next at once. */
const IDLE_AFTER_MS = 16

export interface ObserverStreamOptions {
  clock?: () => number
  /** Waits between retries and after long frames; injectable for tests. */
  sleep?: (ms: number) => Promise<void>
}

export function createObserverStream(client: TownletClient, stores: Stores, options: ObserverStreamOptions = {}) {
  const clock = options.clock ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  // Each start bumps it; a loop whose generation is over stops at its next step.
  let generation = 0

  /** Resolves once no clock command of this page is waiting for the shard's answer. */
  function clockSettled(): Promise<void> {
    if (stores.shard.getState().pending === null) return Promise.resolve()
    return new Promise((resolve) => {
      const off = stores.shard.subscribe((s) => {
        if (s.pending !== null) return
        off()
        resolve()
      })
    })
  }

  async function run(mine: number): Promise<void> {
    let failures = 0
    while (mine === generation) {
      await clockSettled()
      if (mine !== generation) return
      const observer = stores.observer.getState()
      const after = observer.stale ? null : observer.seq
      const reply = await client.invoke('observer.next', { after, wait_ms: OBSERVER_WAIT_MS })
      if (mine !== generation) return
      if (!reply.ok) {
        if (reply.error.code === 'ipc.disconnected') return
        failures += 1
        stores.observer.getState().setError(`${reply.error.code}: ${reply.error.message}`)
        await sleep(Math.min(RETRY_MS * 2 ** (failures - 1), RETRY_MAX_MS))
        continue
      }
      failures = 0
      if (!reply.value.frame) continue
      const started = clock()
      // A frame that does not fit marks the town stale: the next request asks for all of it; one
      // refused (it names slots or codes this page does not know) also waits a retry pause first.
      if (stores.observer.getState().receive(reply.value.frame, started) === 'invalid') await sleep(RETRY_MS)
      // The panels render after this task; a zero wait lets them, so the time spent counts it.
      await sleep(0)
      const spent = clock() - started
      if (spent > IDLE_AFTER_MS) await sleep(spent)
    }
  }

  return {
    /** Start pulling (again): a connection was made. Any loop already running stops. */
    startObserverStream(): void {
      generation += 1
      void run(generation)
    },
    stopObserverStream(): void {
      generation += 1
    }
  }
}
