/**
 * Read a file that someone else named (a client, a config, a command line) without letting it
 * cause unbounded work: it is `stat`ed first and must be a regular file no bigger than the
 * bound; it is opened non-blocking (a FIFO swapped in after the stat cannot hang the read), checked
 * again on the open handle, and read up to the bound and no further (a file that grows meanwhile,
 * or a device posing as a file, stops there).
 */
import { constants } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { stripBom } from './strip-bom'

export type ReadProblemKind = 'not_found' | 'not_regular' | 'too_big' | 'unreadable'

export interface ReadProblem {
  kind: ReadProblemKind
  /** What is wrong, naming only the path the caller gave and the bound; never the content. */
  message: string
}

export type BoundedRead = { ok: true; bytes: Buffer } | { ok: false; problem: ReadProblem }

/** Human size for messages: "2 MiB", "512 KiB", "4096 bytes". */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}

function problem(kind: ReadProblemKind, message: string): BoundedRead {
  return { ok: false, problem: { kind, message } }
}

/** The bytes of a regular file of at most `maxBytes`, or why not. Never throws. */
export async function readBounded(path: string, maxBytes: number, label = path): Promise<BoundedRead> {
  let info
  try {
    info = await stat(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return problem('not_found', `${label} does not exist`)
    return problem('unreadable', `${label} cannot be read (${code ?? 'error'})`)
  }
  if (!info.isFile()) return problem('not_regular', `${label} is not a regular file (a folder, device, pipe or socket cannot be read as one)`)
  if (info.size > maxBytes) return problem('too_big', `${label} is ${info.size} bytes, more than the ${describeBytes(maxBytes)} allowed here`)
  let handle
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    return problem('unreadable', `${label} cannot be opened (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  try {
    // The name may point elsewhere by now (a swap after the stat): judge what was opened.
    const opened = await handle.stat()
    if (!opened.isFile()) return problem('not_regular', `${label} is not a regular file`)
    if (opened.size > maxBytes) return problem('too_big', `${label} is ${opened.size} bytes, more than the ${describeBytes(maxBytes)} allowed here`)
    // One byte more than the file had when opened: reading it means the file grew meanwhile.
    const buffer = Buffer.alloc(opened.size + 1)
    let length = 0
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > opened.size) {
      return length > maxBytes
        ? problem('too_big', `${label} grew past the ${describeBytes(maxBytes)} allowed here while it was read`)
        : problem('unreadable', `${label} changed while it was read: try again once it is written`)
    }
    return { ok: true, bytes: buffer.subarray(0, length) }
  } catch (e) {
    return problem('unreadable', `${label} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
  } finally {
    await handle.close()
  }
}

/** UTF-8 text without a leading byte-order mark (editors on some systems write one). */
export function decodeText(bytes: Buffer): string {
  return stripBom(bytes.toString('utf8'))
}
