/**
 * The checksum manifest of affordance registry files: `{ "version": 1, "files": { "core.yaml":
 * "<sha256>" } }`, kept beside them. It pins the reviewed content of each file, so an edit that
 * slipped past review shows up as drift in `townlet affordances validate`.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { writeFileAtomic } from '../fs/atomic-write'

export const ChecksumManifestSchema = z
  .object({
    version: z.literal(1),
    /** File name (no folder) → lowercase hex sha256 of its bytes. */
    files: z.record(z.string().min(1), z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lowercase hex digits'))
  })
  .strict()

export type ChecksumManifest = z.infer<typeof ChecksumManifestSchema>

export type ManifestRead = { status: 'absent' } | { status: 'ok'; manifest: ChecksumManifest } | { status: 'invalid'; message: string }

/** sha256 of bytes (or of a string's UTF-8), as lowercase hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Read and check a manifest; a missing file is `absent`, a broken one `invalid` with what is wrong. */
export async function readChecksumManifest(path: string): Promise<ManifestRead> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { status: 'absent' }
    return { status: 'invalid', message: `cannot read it: ${(e as Error).message}` }
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return { status: 'invalid', message: `not valid JSON: ${(e as Error).message}` }
  }
  const parsed = ChecksumManifestSchema.safeParse(data)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    return { status: 'invalid', message: `not a checksum manifest (${first ? `${first.path.join('.') || '<document>'}: ${first.message}` : 'wrong shape'}); expected { "version": 1, "files": { "<name>": "<sha256>" } }` }
  }
  return { status: 'ok', manifest: parsed.data }
}

/** Write the manifest atomically with its files sorted by name, so diffs stay small. */
export async function writeChecksumManifest(path: string, manifest: ChecksumManifest): Promise<void> {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  await writeFileAtomic(path, `${JSON.stringify({ version: 1, files }, null, 2)}\n`)
}
