/**
 * The admin token belongs to the host: TOWNLET_ADMIN_TOKEN in its environment, else a token
 * file named when it starts (`townlet serve --admin-token-file F`, the Electron app's
 * `admin_token_file` setting), read once; else, where the face asks for it, a random token made
 * for this run and shown only to whoever started the host. No shard config can name, change or
 * remove it. Only its sha256 digest is kept, and offered tokens are compared digest to digest in
 * constant time, so neither the length nor a prefix leaks through timing. It never reaches the
 * shard worker.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { resolve } from 'node:path'
import { decodeText, readBounded } from '../fs/read-bounded'

export const ADMIN_TOKEN_ENV = 'TOWNLET_ADMIN_TOKEN'
/** A token file is a line of text; anything bigger is the wrong file. */
const MAX_TOKEN_FILE_BYTES = 4096

export interface AdminToken {
  digest: Buffer
  /** Where it came from, for log lines (never the token itself). */
  source: string
}

/** Where the host looks for its admin token, in this order. */
export interface AdminTokenOptions {
  env: Record<string, string | undefined>
  /** A file holding the token (relative to `cwd`). */
  file?: string
  cwd: string
  /** Without an env token or a file, make a random token for this run (returned as `generated`). */
  generate?: boolean
}

/** The host's token; `generated` holds the clear text only when the host made it (to show its operator). */
export type AdminTokenLoad = { ok: true; token?: AdminToken; generated?: string } | { ok: false; problem: string }

export function digestToken(token: string): Buffer {
  return createHash('sha256').update(token.trim(), 'utf8').digest()
}

/** Constant-time: both sides are 32-byte digests whatever was offered. */
export function tokenMatches(expected: AdminToken | undefined, offered: string): boolean {
  return expected !== undefined && timingSafeEqual(expected.digest, digestToken(offered))
}

export async function loadHostAdminToken(options: AdminTokenOptions): Promise<AdminTokenLoad> {
  const fromEnv = options.env[ADMIN_TOKEN_ENV]
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { ok: true, token: { digest: digestToken(fromEnv), source: `the ${ADMIN_TOKEN_ENV} environment variable` } }
  if (options.file !== undefined) {
    const path = resolve(options.cwd, options.file)
    const read = await readBounded(path, MAX_TOKEN_FILE_BYTES, `the admin token file ${path}`)
    if (!read.ok) return { ok: false, problem: `${read.problem.message}: put the admin token alone in a small text file and name it with --admin-token-file` }
    const text = decodeText(read.bytes)
    if (text.trim() === '') return { ok: false, problem: `the admin token file ${path} is empty: write the token into it` }
    return { ok: true, token: { digest: digestToken(text), source: path } }
  }
  if (options.generate) {
    const generated = randomBytes(18).toString('base64url')
    return { ok: true, token: { digest: digestToken(generated), source: 'a random token made for this run' }, generated }
  }
  return { ok: true }
}
