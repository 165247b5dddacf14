/**
 * Puts the contract's types and schemas over an untyped transport. Both the Electron and the
 * WebSocket client are this wrapper around their transport, so they validate the same way.
 */
import { invokeChannels } from '../../../shared/contract/channels'
import type { EventName, EventPayload, InvokeName, InvokeReq, InvokeRes } from '../../../shared/contract/channels'
import { err } from '../../../shared/result'
import type { Result } from '../../../shared/result'
import type { Transport } from './transport'
import type { TownletClient } from './townlet-client'
import { describeIssues, parseEvent, parseReply } from './validate'

export function createTypedClient(transport: Transport): TownletClient {
  return {
    async invoke<K extends InvokeName>(channel: K, req: InvokeReq<K>): Promise<Result<InvokeRes<K>>> {
      // Checked here too so a bad form value (say, 0 ticks) fails fast with the same code the host uses.
      const request = invokeChannels[channel].req.safeParse(req)
      if (!request.success) return err('ipc.invalid_payload', `Invalid ${channel} request: ${describeIssues(request.error)}`)
      let raw: unknown
      try {
        raw = await transport.invoke(channel, request.data)
      } catch (cause) {
        // Transports are written not to throw; this guards the promise that replies never reject.
        return err('ipc.disconnected', `${channel} failed in transport: ${String(cause)}`)
      }
      return parseReply(channel, raw)
    },

    on<K extends EventName>(channel: K, listener: (payload: EventPayload<K>) => void): () => void {
      return transport.on(channel, (raw) => {
        const payload = parseEvent(channel, raw)
        if (payload !== undefined) listener(payload)
      })
    },

    onConnection: (listener) => transport.onConnection(listener),
    dispose: () => transport.dispose()
  }
}
