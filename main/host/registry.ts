/**
 * The transport-agnostic handler registry. Electron's ipcMain and the browser-mode WebSocket
 * both call `dispatch`; it checks, in this order, the sender, the channel, the session's role for
 * that channel (before the payload is looked at: a viewer learns nothing about an admin channel's
 * arguments), then parses the request against the contract, runs the one handler for the channel
 * and validates the reply before it leaves the host. Every call that reaches it is reported to
 * `onCall` with its outcome, so the audit misses nothing.
 */
import type { z } from 'zod'
import { invokeChannels, isInvokeName, type InvokeName, type InvokeReq, type InvokeRes } from '../../shared/contract/channels'
import type { Role } from '../../shared/contract/dto/console'
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

/** One call as it reached the host, and how it ended. */
export interface ChannelCall {
  channel: string
  ctx: CallContext
  /** The session's role when the call arrived. */
  role: Role
  /** The payload as sent (unparsed when refused): whoever records it decides what may be kept. */
  payload: unknown
  result: Result<unknown>
}

export interface RegistryOptions {
  /** The session's role, decided by the host (its console sessions), never by the client. */
  roleOf(session: string): Role
  /** A handler threw something that is not a HostError, or produced a reply the contract refuses. */
  onError?(channel: string, error: unknown): void
  /** Every call, answered or refused; must not throw. */
  onCall?(call: ChannelCall): void
}

export interface Registry {
  readonly channels: readonly InvokeName[]
  dispatch(channel: string, payload: unknown, ctx: CallContext): Promise<Result<unknown>>
}

export function createRegistry(handlers: Handlers, options: RegistryOptions): Registry {
  const channels = Object.keys(invokeChannels) as InvokeName[]
  for (const name of channels) {
    if (typeof handlers[name] !== 'function') throw new Error(`no handler registered for invoke channel '${name}'`)
  }
  for (const name of Object.keys(handlers)) {
    if (!isInvokeName(name)) throw new Error(`handler registered for unknown channel '${name}'`)
  }

  async function answer(channel: string, payload: unknown, ctx: CallContext, role: Role): Promise<Result<unknown>> {
    if (!ctx.trusted) {
      return err('ipc.forbidden_sender', `refused '${channel}' from ${ctx.sender}: only the workstation's own window or an authenticated session may call the host`)
    }
    if (!isInvokeName(channel)) {
      return err('ipc.unknown_channel', `unknown channel '${channel.slice(0, 64)}'; known channels: ${channels.join(', ')}`)
    }
    const spec = invokeChannels[channel]
    if (spec.role === 'admin' && role !== 'admin') {
      return err('ipc.forbidden_role', `'${channel}' changes the shard, so it needs the admin role and this session is a ${role}: present the admin token (Console → Become admin) first`)
    }
    const parsed = (spec.req as z.ZodType).safeParse(payload ?? {})
    if (!parsed.success) {
      return err('ipc.invalid_payload', `invalid request for '${channel}': ${formatZodIssues(parsed.error.issues.slice(0, 20))}`, {
        issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
      })
    }
    let value: unknown
    try {
      const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown
      value = await handler(parsed.data, ctx)
    } catch (e) {
      if (e instanceof HostError) return err(e.code, e.message, e.details)
      options.onError?.(channel, e)
      return err('internal.error', `'${channel}' failed inside the host; the host log has the details`)
    }
    const checked = (spec.res as z.ZodType).safeParse(value)
    if (!checked.success) {
      options.onError?.(channel, checked.error)
      return err('ipc.invalid_response', `the host produced an invalid reply for '${channel}': ${formatZodIssues(checked.error.issues)}`)
    }
    return ok(checked.data)
  }

  async function dispatch(channel: string, payload: unknown, ctx: CallContext): Promise<Result<unknown>> {
    const role = options.roleOf(ctx.session)
    const result = await answer(channel, payload, ctx, role)
    options.onCall?.({ channel, ctx, role, payload, result })
    return result
  }

  return { channels, dispatch }
}
