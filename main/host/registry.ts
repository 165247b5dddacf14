/**
 * The transport-agnostic handler registry. Electron's ipcMain and the browser-mode WebSocket
 * both call `dispatch`; it checks the sender, parses the request against the contract, runs the
 * one handler for the channel and validates the reply before it leaves the host.
 */
import type { z } from 'zod'
import { invokeChannels, isInvokeName, type InvokeName, type InvokeReq, type InvokeRes } from '../../shared/contract/channels'
import { err, ok, type Result } from '../../shared/result'
import { HostError } from './host-error'
import { formatZodIssues } from '../../shared/zod-issues'

/** What the transport knows about who sent a request. */
export interface CallContext {
  /** True only when the transport verified the sender (our window's top frame, or an authenticated socket). */
  trusted: boolean
  /** Short description of the sender for error messages and logs, e.g. `window 1` or `socket 127.0.0.1`. */
  sender: string
  /**
   * A stable id for the client across its calls (one per browser socket, one per Electron
   * webContents), chosen by the transport, never by the client: the console keys roles on it.
   */
  session: string
}

export type Handler<K extends InvokeName> = (req: InvokeReq<K>, ctx: CallContext) => Promise<InvokeRes<K>> | InvokeRes<K>

/** Exactly one handler per invoke channel: the compiler enforces it, and a test checks it at runtime. */
export type Handlers = { [K in InvokeName]: Handler<K> }

export interface Registry {
  readonly channels: readonly InvokeName[]
  dispatch(channel: string, payload: unknown, ctx: CallContext): Promise<Result<unknown>>
}

export function createRegistry(handlers: Handlers, onError?: (channel: string, error: unknown) => void): Registry {
  const channels = Object.keys(invokeChannels) as InvokeName[]
  for (const name of channels) {
    if (typeof handlers[name] !== 'function') throw new Error(`no handler registered for invoke channel '${name}'`)
  }
  for (const name of Object.keys(handlers)) {
    if (!isInvokeName(name)) throw new Error(`handler registered for unknown channel '${name}'`)
  }

  async function dispatch(channel: string, payload: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (!ctx.trusted) {
      return err('ipc.forbidden_sender', `refused '${channel}' from ${ctx.sender}: only the workstation's own window or an authenticated session may call the host`)
    }
    if (!isInvokeName(channel)) {
      return err('ipc.unknown_channel', `unknown channel '${channel}'; known channels: ${channels.join(', ')}`)
    }
    const spec = invokeChannels[channel]
    const parsed = (spec.req as z.ZodType).safeParse(payload ?? {})
    if (!parsed.success) {
      return err('ipc.invalid_payload', `invalid request for '${channel}': ${formatZodIssues(parsed.error.issues)}`, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
      })
    }
    let value: unknown
    try {
      const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown
      value = await handler(parsed.data, ctx)
    } catch (e) {
      if (e instanceof HostError) return err(e.code, e.message, e.details)
      onError?.(channel, e)
      return err('internal.error', `'${channel}' failed: ${e instanceof Error ? e.message : String(e)}`)
    }
    const checked = (spec.res as z.ZodType).safeParse(value)
    if (!checked.success) {
      onError?.(channel, checked.error)
      return err('ipc.invalid_response', `the host produced an invalid reply for '${channel}': ${formatZodIssues(checked.error.issues)}`)
    }
    return ok(checked.data)
  }

  return { channels, dispatch }
}
