/**
 * A TownletClient for tests of everything above the api layer: replies come from per-channel
 * handlers, and the test emits events and connection changes by hand.
 */
import type { EventName, EventPayload, InvokeName, InvokeReq, InvokeRes } from '../../../shared/contract/channels'
import { err } from '../../../shared/result'
import type { Result } from '../../../shared/result'
import type { ConnectionInfo, TownletClient } from '../api/townlet-client'

type Handlers = { [K in InvokeName]?: (req: InvokeReq<K>) => Result<InvokeRes<K>> | Promise<Result<InvokeRes<K>>> }

export class FakeClient implements TownletClient {
  readonly calls: Array<{ channel: InvokeName; req: unknown }> = []
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>()
  private readonly connectionListeners = new Set<(info: ConnectionInfo) => void>()

  constructor(public handlers: Handlers = {}) {}

  invoke<K extends InvokeName>(channel: K, req: InvokeReq<K>): Promise<Result<InvokeRes<K>>> {
    this.calls.push({ channel, req })
    const handler = this.handlers[channel] as ((req: InvokeReq<K>) => Result<InvokeRes<K>> | Promise<Result<InvokeRes<K>>>) | undefined
    return Promise.resolve(handler ? handler(req) : err('internal.error', `no fake handler for ${channel}`))
  }

  on<K extends EventName>(channel: K, listener: (payload: EventPayload<K>) => void): () => void {
    let set = this.listeners.get(channel)
    if (!set) this.listeners.set(channel, (set = new Set()))
    const untyped = listener as (payload: unknown) => void
    set.add(untyped)
    return () => set.delete(untyped)
  }

  onConnection(listener: (info: ConnectionInfo) => void): () => void {
    this.connectionListeners.add(listener)
    return () => this.connectionListeners.delete(listener)
  }

  emit<K extends EventName>(channel: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners.get(channel) ?? []) listener(payload)
  }

  setConnection(info: ConnectionInfo): void {
    for (const listener of this.connectionListeners) listener(info)
  }

  dispose(): void {}

  channelsCalled(): InvokeName[] {
    return this.calls.map((c) => c.channel)
  }
}
