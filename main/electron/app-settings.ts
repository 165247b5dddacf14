/**
 * The app's own settings: `<userData>/settings.json`, written by the operator (there is no UI for
 * it yet). Read once at start, with a size bound; a missing file means defaults, and a bad one
 * means defaults plus a message saying what is wrong — the app still opens.
 *
 *   { "admin_token_file": "/home/op/.config/townlet/admin.token", "workspace": "/home/op/towns" }
 */
import { join } from 'node:path'
import { z } from 'zod'
import { decodeText, readBounded } from '../fs/read-bounded'
import { formatZodIssues } from '../../shared/zod-issues'

export const SETTINGS_FILE = 'settings.json'
const MAX_SETTINGS_BYTES = 64 * 1024

export const AppSettingsSchema = z
  .object({
    /** A small text file holding the admin token (TOWNLET_ADMIN_TOKEN wins when set). */
    admin_token_file: z.string().min(1).max(4096).optional(),
    /** The folder configs, models and drills may be opened from, besides the shipped configs. */
    workspace: z.string().min(1).max(4096).optional()
  })
  .strict()
export type AppSettings = z.infer<typeof AppSettingsSchema>

export interface SettingsRead {
  settings: AppSettings
  /** Why the file was not used, when it was there but wrong. */
  problem?: string
}

export async function readAppSettings(userData: string): Promise<SettingsRead> {
  const file = join(userData, SETTINGS_FILE)
  const read = await readBounded(file, MAX_SETTINGS_BYTES, file)
  if (!read.ok) return read.problem.kind === 'not_found' ? { settings: {} } : { settings: {}, problem: `${read.problem.message}; using the defaults` }
  let json: unknown
  try {
    json = JSON.parse(decodeText(read.bytes))
  } catch {
    return { settings: {}, problem: `${file} is not JSON; using the defaults` }
  }
  const parsed = AppSettingsSchema.safeParse(json)
  if (!parsed.success) return { settings: {}, problem: `${file}: ${formatZodIssues(parsed.error.issues)}; using the defaults` }
  return { settings: parsed.data }
}
