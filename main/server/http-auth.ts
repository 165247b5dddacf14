/**
 * Who an HTTP API request is: its `Authorization: Bearer <token>` names this run's access token
 * (the `?token=` of the page's URL: viewer) or the host's admin token (admin). The admin token is
 * the host's, and the server never sees it: it is presented through the registry's own
 * `console.auth`, on a session made for this one request, so it is checked, throttled and audited
 * exactly as a socket's is. That session ends with the request (the host forgets its role), so an
 * admin grant never outlives the request it came with. Viewer requests share one session,
 * `http-viewer`: the access token is their principal (their cmd_ids share one namespace), and
 * nothing ever grants that session admin.
 *
 * Guessing is bounded twice: the console's host-wide throttle, and one here per client address
 * (auth-throttle.ts), checked before a token that is not the access token is looked at. The
 * access token is compared first, in constant time, so a guesser cannot lock out the scraper
 * that holds it.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Role } from '../../shared/contract/dto/console'
import type { AppError } from '../../shared/result'
import { AuthThrottle } from '../host/auth-throttle'
import type { Registry } from '../host/registry'

/** The session every viewer request runs in. */
export const HTTP_VIEWER_SESSION = 'http-viewer'
/** Longer bearer values are refused unread: no token of ours is this long. */
const MAX_BEARER_CHARS = 512
const BEARER = /^Bearer +([\x21-\x7e]+) *$/i

export interface Caller {
  role: Role
  session: string
  sender: string
  /** The request is answered: a one-request session is forgotten. */
  end(): void
}

export type Authentication = { ok: true; caller: Caller } | { ok: false; status: 401 | 429; error: AppError; retryAfterS?: number }

export interface HttpAuthOptions {
  /** This run's access token (the page's `?token=`). */
  token: string
  registry: Registry
  onSessionEnd?: (session: string) => void
  throttle?: AuthThrottle
  now?: () => number
}

export class HttpAuth {
  private readonly digest: Buffer
  private readonly throttle: AuthThrottle
  private admins = 0

  constructor(private readonly options: HttpAuthOptions) {
    this.digest = sha256(options.token)
    this.throttle = options.throttle ?? new AuthThrottle()
  }

  async authenticate(req: IncomingMessage): Promise<Authentication> {
    const sender = `http ${req.socket.remoteAddress ?? '?'}`
    const offered = bearerOf(req.headers.authorization)
    if (offered === undefined) return unauthorized('no bearer token')
    // Digest to digest: equal lengths whatever was offered, so the comparison leaks nothing.
    if (timingSafeEqual(sha256(offered), this.digest)) return { ok: true, caller: { role: 'viewer', session: HTTP_VIEWER_SESSION, sender, end: () => {} } }
    const now = this.options.now?.() ?? Date.now()
    const wait = this.throttle.wait(sender, now)
    if (wait.ms > 0) return throttled(wait.ms)
    const session = `http-admin-${++this.admins}`
    const auth = await this.options.registry.dispatch('console.auth', { token: offered }, { trusted: true, sender, session })
    const end = (): void => this.options.onSessionEnd?.(session)
    if (auth.ok) {
      this.throttle.succeeded(sender)
      return { ok: true, caller: { role: 'admin', session, sender, end } }
    }
    end()
    if (auth.error.code === 'console.throttled') {
      const details = auth.error.details as { retry_after_s?: unknown } | undefined
      return throttled(typeof details?.retry_after_s === 'number' ? details.retry_after_s * 1000 : 1000)
    }
    this.throttle.failed(sender, now)
    return unauthorized('a wrong bearer token')
  }
}

function bearerOf(header: string | undefined): string | undefined {
  if (header === undefined || header.length > MAX_BEARER_CHARS + 16) return undefined
  const match = BEARER.exec(header)
  return match?.[1] !== undefined && match[1].length <= MAX_BEARER_CHARS ? match[1] : undefined
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/** Never says which token was offered or what it looked like. */
function unauthorized(what: string): Authentication {
  return {
    ok: false,
    status: 401,
    error: {
      code: 'http.unauthorized',
      message: `${what}: send 'Authorization: Bearer <token>' with the token in the URL townlet serve printed (viewer) or the host's admin token (admin)`
    }
  }
}

function throttled(ms: number): Authentication {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  return {
    ok: false,
    status: 429,
    retryAfterS: seconds,
    error: { code: 'console.throttled', message: `too many wrong tokens came from this client, so this one was not checked: try again in ${seconds} s`, details: { retry_after_s: seconds } }
  }
}
