/**
 * The host's side of the operator console: which role each session holds, trading the admin
 * token for that role, and running commands. The host stamps every command with the session's
 * issuer and role (a client never chooses its role), sends it to the shard's ConsoleRouter, and
 * turns every outcome (refused at once, answered at once, or applied at a later tick) into one
 * `console.result` event and one line of the audit log.
 */
import type { CommandInfo, ConsoleResult, ConsoleRun, ConsoleSession, Role } from '../../shared/contract/dto/console'
import type { LogLevel } from '../../shared/contract/dto/events'
import { auditLine } from '../console/audit-line'
import { defaultCommandRegistry } from '../console/command-registry'
import type { ConsoleEnvelope } from '../console/envelope'
import { OutcomeTracker } from '../console/outcome-tracker'
import { ADMIN_TOKEN_ENV, tokenMatches, type AdminToken } from './admin-token'
import { AuditLog } from './console-audit'
import { ConsoleSessions } from './console-sessions'
import type { EventBus } from './event-bus'
import { HostError } from './host-error'
import type { CallContext } from './registry'

export interface ConsoleServiceOptions {
  /** Sends envelopes to the shard (ShardService). */
  shard: { console(envelope: ConsoleEnvelope): Promise<ConsoleResult>; readonly lastTick: number }
  events: EventBus
  log(level: LogLevel, source: 'host', message: string): void
  /** The append-only audit log (JSONL); none when absent. */
  auditPath?: string
  /** The host's clock, for audit lines. */
  now?: () => Date
}

export class ConsoleService {
  private readonly sessions = new ConsoleSessions()
  private readonly tracker = new OutcomeTracker((result, args) => this.finalise(result, args))
  private readonly audit: AuditLog | undefined
  private token: AdminToken | undefined
  private hostIds = 0
  private readonly unsubscribe: () => void

  constructor(private readonly options: ConsoleServiceOptions) {
    this.audit = options.auditPath === undefined ? undefined : new AuditLog(options.auditPath, (message) => options.log('error', 'host', message))
    this.unsubscribe = options.events.subscribe((name) => {
      if (name === 'loop.failure') this.tracker.abandon('shard.crashed', 'the shard worker crashed before this command reached its tick, so it never applied; restart the shard and send it again if still wanted')
    })
  }

  /** The host's admin token, read once at start (see admin-token.ts); undefined leaves admin unavailable. */
  setAdminToken(token: AdminToken | undefined): void {
    this.token = token
    if (token) this.options.log('info', 'host', `console: the admin role is available (token from ${token.source})`)
    else this.options.log('info', 'host', `console: no admin token is configured, so every session is a viewer (start the host with ${ADMIN_TOKEN_ENV} or --admin-token-file)`)
  }

  /** The role the host gives this session: viewer until it presented the admin token. */
  roleOf(session: string): Role {
    return this.sessions.role(session)
  }

  /**
   * Grant admin without a token, for a session the host vouches for itself: the Electron menu's
   * "Become Admin", which only the person at the desk can click (the page cannot reach it).
   */
  grantLocal(session: string, via: string): ConsoleSession {
    this.sessions.grant(session)
    this.options.log('info', 'host', `console: ${session} is now admin (${via})`)
    return this.announce(session)
  }

  /** Tell the session's client its role changed (it may not be the one that asked: the menu). */
  private announce(session: string): ConsoleSession {
    const now = this.session({ trusted: true, sender: session, session })
    this.options.events.emit('console.session', now)
    return now
  }

  session(ctx: CallContext): ConsoleSession {
    return { role: this.sessions.role(ctx.session), admin_available: this.token !== undefined, issuer: ctx.session }
  }

  /** Present a token for the admin role, or null to go back to viewer. */
  auth(ctx: CallContext, token: string | null): ConsoleSession {
    if (token === null) {
      this.sessions.revoke(ctx.session)
      return this.announce(ctx.session)
    }
    if (this.token === undefined) {
      throw new HostError(
        'console.unauthorized',
        `the admin role is unavailable: this host has no admin token. Start it with ${ADMIN_TOKEN_ENV} set, or with --admin-token-file naming a file that holds the token, then try again`
      )
    }
    if (!tokenMatches(this.token, token)) {
      this.options.log('warn', 'host', `console: ${ctx.session} presented a wrong admin token; it stays a ${this.sessions.role(ctx.session)}`)
      throw new HostError('console.unauthorized', `wrong admin token: this session stays a ${this.sessions.role(ctx.session)}. Use the token the host was started with (${ADMIN_TOKEN_ENV}, its --admin-token-file, or the one it printed at start)`)
    }
    this.sessions.grant(ctx.session)
    this.options.log('info', 'host', `console: ${ctx.session} is now admin`)
    return this.announce(ctx.session)
  }

  commands(): CommandInfo[] {
    return defaultCommandRegistry().list()
  }

  async run(ctx: CallContext, request: ConsoleRun): Promise<ConsoleResult> {
    const envelope: ConsoleEnvelope = {
      name: request.name,
      args: request.args,
      issuer: ctx.session,
      role: this.sessions.role(ctx.session),
      ...(request.cmd_id === undefined ? {} : { cmd_id: request.cmd_id })
    }
    let result: ConsoleResult
    try {
      result = await this.options.shard.console(envelope)
    } catch (e) {
      // The shard could not take it (failed, restarting, timed out): still one outcome, audited.
      const error = e instanceof HostError ? { code: e.code, message: e.message } : { code: 'internal.error', message: e instanceof Error ? e.message : String(e) }
      result = {
        cmd_id: request.cmd_id ?? `host-${++this.hostIds}`,
        name: request.name,
        status: 'error',
        tick: this.options.shard.lastTick,
        issuer: envelope.issuer,
        role: envelope.role,
        replayed: false,
        error
      }
    }
    this.tracker.submitted(result, request.args)
    return result
  }

  /** A final result from the shard for a command answered `queued` earlier. */
  applied(result: ConsoleResult): void {
    this.tracker.applied(result)
  }

  /** A new worker starts: commands the old one had queued will never apply. */
  workerStarted(): void {
    this.tracker.abandon('console.conflict', 'the shard restarted before this command reached its tick, so it never applied; send it again if still wanted', 0)
  }

  /** Wait for pending audit writes (on shutdown and in tests). */
  async flush(): Promise<void> {
    await this.audit?.flush()
  }

  dispose(): void {
    this.unsubscribe()
  }

  private finalise(result: ConsoleResult, args: unknown): void {
    this.options.events.emit('console.result', result)
    this.audit?.append(auditLine(result, args, this.options.now?.() ?? new Date()))
    this.options.log('debug', 'host', `console: ${result.issuer} (${result.role}) ${result.name} ${result.cmd_id}: ${result.status}${result.error ? ` ${result.error.code}` : ''}${result.replayed ? ' (replayed)' : ''}`)
  }
}
