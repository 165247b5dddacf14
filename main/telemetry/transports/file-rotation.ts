/**
 * Rotation and resumption for JSONL stream files. `PATH` is the live file; rotating renames
 * `PATH.<keep-1>` … `PATH.1` one step up (the rename replaces the oldest, so at most `keep`
 * rotated files remain) and the live file to `PATH.1`. Each line carries a `stream_offset`; a new
 * run on an existing file reads the last offset from its tail and continues from there.
 */
import { lstat, open, rename } from 'node:fs/promises'

/** Bytes read from a file's end to find its last complete line: more than any sane line. */
const TAIL_BYTES = 256 * 1024

export async function rotateFiles(path: string, keep: number): Promise<void> {
  for (let i = keep - 1; i >= 1; i--) await renameIfThere(`${path}.${i}`, `${path}.${i + 1}`)
  await renameIfThere(path, `${path}.1`)
}

async function renameIfThere(from: string, to: string): Promise<void> {
  try {
    await rename(from, to)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
}

/**
 * The `stream_offset` of the last complete line of `path` (the live file, else `PATH.1`), or
 * null when neither exists or holds none. A torn last line (a crash mid-write) is skipped.
 */
export async function lastStreamOffset(path: string): Promise<number | null> {
  for (const candidate of [path, `${path}.1`]) {
    const found = await tailOffset(candidate)
    if (found !== null) return found
  }
  return null
}

async function tailOffset(path: string): Promise<number | null> {
  let handle
  try {
    // Only a regular file: opening a FIFO someone left at the path would wait for a writer forever.
    if (!(await lstat(path)).isFile()) return null
    handle = await open(path, 'r')
  } catch {
    return null
  }
  try {
    const { size } = await handle.stat()
    const length = Math.min(size, TAIL_BYTES)
    const buf = Buffer.alloc(length)
    await handle.read(buf, 0, length, size - length)
    const lines = buf.toString('utf8').split('\n')
    // When the read starts mid-file its first piece is part of a line: not a line to trust.
    const first = length < size ? 1 : 0
    for (let i = lines.length - 1; i >= first; i--) {
      const line = lines[i] ?? ''
      const m = /^\{"stream_offset":(\d{1,16}),/.exec(line)
      if (m && line.endsWith('}')) return Number(m[1])
    }
    return null
  } finally {
    await handle.close()
  }
}

/** One stream line: the offset first, so a reader (and the tail scan above) finds it without parsing the rest. */
export function streamLine(offset: number, json: string): string {
  return `{"stream_offset":${offset},"message":${json}}`
}
