/**
 * The host's side of the operator console: which role each session holds, trading the admin
 * token for that role, and running commands. The host stamps every command with the session's
 * issuer and role (a client never chooses its role), sends it to the shard's ConsoleRouter, and
 * turns every outcome (refused at once, answered at once, applied at a later tick, or never
 * applied because the host stopped) into one `console.result` event and one line of the audit
 * log. The registry reports every call here too (`recordCall`), so the audit also holds every
 * admin channel call, every token attempt and every refusal at the boundary (channel-audit.ts).
 * Token guessing is throttled (auth-throttle.ts), and its failures go to the host's own log,
 * never to the clients.
 */
import type { CommandInfo, ConsoleResult, ConsoleRun, ConsoleSession, Role } from '../../shared/contract/dto/console'
import type { LogLevel } from '../../shared/contract/dto/events'
import { auditLine } from '../console/audit-line'
import { defaultCommandRegistry } from '../console/command-registry'
import type { ConsoleEnvelope } from '../console/envelope'
import { OutcomeTracker } from '../console/outcome-tracker'
import { ADMIN_TOKEN_ENV, tokenMatches, type AdminToken } from './admin-token'
import { AuditGate } from './audit-gate'
import type { AuditIo } from './audit-io'
import { AuthThrottle } from './auth-throttle'
import { alwaysWritten, channelAuditLine } from './channel-audit'
import { AuditLog } from './console-audit'
import { ConsoleSessions } from './console-sessions'
import type { EventBus } from './event-bus'
import { HostError } from './host-error'
import type { CallContext, ChannelCall } from './registry'

export interface ConsoleServiceOptions {
  /** Sends envelopes to the shard (ShardService). */
  shard: { console(envelope: ConsoleEnvelope): Promise<ConsoleResult>; readonly lastTick: number }
  events: EventBus
  /** The host log that every client also sees (`log.entry`). */
  log(level: LogLevel, source: 'host', message: string): void
  /** The host's own log only (stderr), never broadcast: token failures, audit write failures. */
  hostLog(level: LogLevel, message: string): void
  /** The append-only audit log (JSONL); none when absent. */
  auditPath?: string
  /** The audit file's seam and limits (tests); the real file system, 10 MiB × 5 files by default. */
  audit?: { io?: AuditIo; maxBytes?: number; maxFiles?: number }
  /** The host's clock, for audit lines and the throttles. */
  now?: () => Date
}

/** How often summaries of suppressed viewer lines are written when nothing else is. */
const SWEEP_MS = 10_000
/** How often throttled token attempts are summed up in the host log. */
const THROTTLE_REPORT_MS = 10_000

export class ConsoleService {
  private readonly sessions = new ConsoleSessions()
  private readonly tracker = new OutcomeTracker((result, args) => this.finalise(result, args))
  private readonly audit: AuditLog | undefined
  private readonly gate: AuditGate
  private readonly authThrottle = new AuthThrottle()
  private throttled = { count: 0, reportedAt: Number.NEGATIVE_INFINITY }
  private token: AdminToken | undefined
  private hostIds = 0
  private readonly unsubscribe: () => void
  private readonly sweeper: ReturnType<typeof setInterval>
  private stopped = false

  constructor(private readonly options: ConsoleServiceOptions) {
    const now = (): Date => this.now()
    this.audit =
      options.auditPath === undefined
        ? undefined
        : new AuditLog(options.auditPath, { ...options.audit, now, onError: (message) => options.hostLog('error', message) })
    this.gate = new AuditGate(this.audit, now)
    this.unsubscribe = options.events.subscribe((name) => {
      if (name === 'loop.failure') this.tracker.abandon('shard.crashed', 'the shard worker crashed before this command reached its tick, so it never applied; restart the shard and send it again if still wanted')
    })
    // A viewer flood that stopped still gets its summary line; unref: it never keeps the process alive.
    this.sweeper = setInterval(() => this.gate.sweep(), SWEEP_MS)
    this.sweeper.unref()
  }

  private now(): Date {
    return this.options.now?.() ?? new Date()
  }

  /** The host's admin token, read once at start (see admin-token.ts); undefined leaves admin unavailable. */
  setAdminToken(token: AdminToken | undefined): void {
    this.token = token
    if (token) this.options.log('info', 'host', `console: the admin role is available (token from ${token.source})`)
    else this.options.log('info', 'host', `console: no admin token is configured, so every session is a viewer (start the host with ${ADMIN_TOKEN_ENV} or --admin-token-file)`)
  }

  /** A session ended: it holds no role any more (a reused id could never inherit admin). */
  sessionEnded(session: string): void {
    this.sessions.revoke(session)
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
    this.options.events.emit('console.role', now)
    return now
  }

  session(ctx: CallContext): ConsoleSession {
    return { role: this.sessions.role(ctx.session), admin_available: this.token !== undefined, issuer: ctx.session }
  }

  /**
   * Present a token for the admin role, or null to go back to viewer. After a few wrong tokens
   * the session waits (and every session, past a host-wide rate), refused without the token
   * being checked. Failures are logged for the host only: broadcast, every client would see them.
   */
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
    const now = this.now().getTime()
    const wait = this.authThrottle.wait(ctx.session, now)
    if (wait.ms > 0) {
      this.reportThrottled(now)
      const seconds = Math.ceil(wait.ms / 1000)
      const why = wait.scope === 'session' ? 'this session presented too many wrong admin tokens' : 'too many wrong admin tokens were presented to this host'
      throw new HostError('console.throttled', `${why}, so the token was not checked: try again in ${seconds} s`, { retry_after_s: seconds })
    }
    if (!tokenMatches(this.token, token)) {
      const { failures, waitMs } = this.authThrottle.failed(ctx.session, now)
      const next = waitMs > 0 ? `; its next attempt waits ${Math.ceil(waitMs / 1000)} s` : ''
      this.options.hostLog('warn', `console: ${ctx.session} (${ctx.sender}) presented a wrong admin token (${failures} in a row); it stays a ${this.sessions.role(ctx.session)}${next}`)
      throw new HostError('console.unauthorized', `wrong admin token: this session stays a ${this.sessions.role(ctx.session)}. Use the token the host was started with (${ADMIN_TOKEN_ENV}, its --admin-token-file, or the one it printed at start)`)
    }
    this.authThrottle.succeeded(ctx.session)
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

  /**
   * Every call the registry answered or refused (its `onCall`): audited as a channel line when
   * channel-audit.ts says so. Must not throw: the reply is already on its way.
   */
  recordCall(call: ChannelCall): void {
    try {
      const line = channelAuditLine(call, this.now(), this.token !== undefined)
      if (!line) return
      this.gate.record(line, call.role === 'viewer' && !alwaysWritten(line) ? { issuer: line.issuer, key: line.channel } : undefined)
    } catch (e) {
      this.options.hostLog('error', `console: could not audit a '${call.channel.slice(0, 64)}' call: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  /** Wait for pending audit writes (in tests). */
  async flush(): Promise<void> {
    await this.audit?.flush()
  }

  /**
   * The host stops (after the shard worker is gone): commands still queued will never reach
   * their tick, so each is finalised as `host.shutdown`; summaries still held are written.
   * Then `close` writes what is pending and closes the file.
   */
  shutdown(): void {
    if (this.stopped) return
    this.stopped = true
    this.tracker.abandon('host.shutdown', 'the host stopped before this command reached its tick, so it never applied; send it again when the host is back if still wanted')
    this.gate.drain()
    clearInterval(this.sweeper)
    this.unsubscribe()
  }

  /** Write every pending audit line and close the audit file. */
  async close(): Promise<void> {
    await this.audit?.close()
  }

  /** Sum throttled token attempts up in the host log every so often, rather than a line for each (they come fast). */
  private reportThrottled(now: number): void {
    this.throttled.count += 1
    if (now - this.throttled.reportedAt < THROTTLE_REPORT_MS) return
    this.options.hostLog('warn', `console: ${this.throttled.count} admin token attempt(s) refused as throttled (wrong tokens come too fast); they were not checked`)
    this.throttled = { count: 0, reportedAt: now }
  }

  private finalise(result: ConsoleResult, args: unknown): void {
    this.options.events.emit('console.result', result)
    this.gate.record(auditLine(result, args, this.now()), result.role === 'viewer' ? { issuer: result.issuer, key: result.name } : undefined)
    this.options.log('debug', 'host', `console: ${result.issuer} (${result.role}) ${result.name} ${result.cmd_id}: ${result.status}${result.error ? ` ${result.error.code}` : ''}${result.replayed ? ' (replayed)' : ''}`)
  }
}
