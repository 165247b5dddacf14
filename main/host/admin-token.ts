/**
 * The admin token: from TOWNLET_ADMIN_TOKEN in the host's environment, else from the file the
 * config names in `console.token_file` (relative to the config file). Only its sha256 digest is
 * kept, and offered tokens are compared digest to digest in constant time, so neither the length
 * nor a prefix of the token leaks through timing. It stays in the host: never sent to the shard.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { ShardConfig } from '../config/shard-config-schema'

export const ADMIN_TOKEN_ENV = 'TOWNLET_ADMIN_TOKEN'
/** A token file is a line of text; anything bigger is the wrong file. */
const MAX_TOKEN_FILE_BYTES = 4096

export interface AdminToken {
  digest: Buffer
  /** Where it came from, for log lines (never the token itself). */
  source: string
}

/** The configured token, or why there is none (undefined `problem` when simply not configured). */
export interface AdminTokenLoad {
  token?: AdminToken
  problem?: string
}

export function digestToken(token: string): Buffer {
  return createHash('sha256').update(token.trim(), 'utf8').digest()
}

/** Constant-time: both sides are 32-byte digests whatever was offered. */
export function tokenMatches(expected: AdminToken | undefined, offered: string): boolean {
  return expected !== undefined && timingSafeEqual(expected.digest, digestToken(offered))
}

export async function loadAdminToken(env: Record<string, string | undefined>, config: ShardConfig, configPath: string | undefined): Promise<AdminTokenLoad> {
  const fromEnv = env[ADMIN_TOKEN_ENV]
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { token: { digest: digestToken(fromEnv), source: `the ${ADMIN_TOKEN_ENV} environment variable` } }
  const file = config.console.token_file
  if (file === undefined) return {}
  if (configPath === undefined) return { problem: `console.token_file "${file}" is ignored in the embedded config: load the config from a file, or set ${ADMIN_TOKEN_ENV}` }
  const path = resolve(dirname(configPath), file)
  try {
    const info = await stat(path)
    if (!info.isFile() || info.size > MAX_TOKEN_FILE_BYTES) {
      return { problem: `the admin token file ${path} (console.token_file) is not a small text file: put the token alone in it` }
    }
    const text = await readFile(path, 'utf8')
    if (text.trim() === '') return { problem: `the admin token file ${path} (console.token_file) is empty: write the token into it` }
    return { token: { digest: digestToken(text), source: path } }
  } catch (e) {
    return { problem: `cannot read the admin token file ${path} (console.token_file): ${(e as Error).message}; fix the path (it is relative to the config file)` }
  }
}
