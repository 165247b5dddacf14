/**
 * The lines of one log file, read in bounded chunks from where the last call stopped, so a file
 * that is still being written can be read again later (follow mode) without reading it twice.
 * A trailing line with no newline yet is held back, not returned: the writer may be halfway
 * through it. A line longer than `maxLineBytes` is skipped to its newline and reported once.
 */
import { constants } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { errnoCode } from '../../telemetry/transports/sanitize'

const CHUNK_BYTES = 64 * 1024

export type SourceLine =
  | { kind: 'line'; line: number; text: string }
  | { kind: 'too_long'; line: number }
  | { kind: 'not_utf8'; line: number }

export interface PullResult {
  lines: SourceLine[]
  /** Bytes read by this call. */
  bytes: number
  /** Nothing more to read right now (the end of the file as it stands). */
  atEnd: boolean
}

export class LineSource {
  private pending: Buffer[] = []
  private pendingBytes = 0
  private overlong = false
  private lineNumber = 0
  private position = 0
  private readonly decoder = new TextDecoder('utf-8', { fatal: true })
  private readonly buffer = Buffer.alloc(CHUNK_BYTES)

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly maxLineBytes: number
  ) {}

  /** Opens a regular file (never a FIFO or device: it is opened non-blocking and checked). */
  static async open(path: string, maxLineBytes: number): Promise<{ ok: true; source: LineSource } | { ok: false; message: string }> {
    let handle: FileHandle
    try {
      handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
    } catch (e) {
      return { ok: false, message: `${path} cannot be opened (${errnoCode(e) ?? 'error'})` }
    }
    const info = await handle.stat().catch(() => null)
    if (!info?.isFile()) {
      await handle.close().catch(() => undefined)
      return { ok: false, message: `${path} is not a regular file${info?.isDirectory() ? ' (it is a folder)' : ''}` }
    }
    return { ok: true, source: new LineSource(path, handle, maxLineBytes) }
  }

  /** Bytes consumed so far. */
  get offset(): number {
    return this.position
  }

  /** Bytes of a trailing line that has no newline yet. */
  get heldBytes(): number {
    return this.pendingBytes
  }

  /** The number the next line will have. */
  get nextLine(): number {
    return this.lineNumber + 1
  }

  /** Reads up to `maxBytes` (at least one chunk's worth is asked for) and returns the complete lines in it. */
  async pull(maxBytes: number): Promise<PullResult> {
    const lines: SourceLine[] = []
    let bytes = 0
    while (bytes < maxBytes) {
      const want = Math.min(CHUNK_BYTES, maxBytes - bytes)
      const { bytesRead } = await this.handle.read(this.buffer, 0, want, this.position)
      if (bytesRead === 0) return { lines, bytes, atEnd: true }
      this.position += bytesRead
      bytes += bytesRead
      this.split(this.buffer.subarray(0, bytesRead), lines)
    }
    return { lines, bytes, atEnd: false }
  }

  /**
   * The held trailing line, as if a newline ended it (the end of a file that is finished), or
   * null when there is none. Follow mode never calls this: it waits for the newline instead.
   */
  takeHeld(): SourceLine | null {
    if (this.pendingBytes === 0 && !this.overlong) return null
    const lines: SourceLine[] = []
    this.endLine(lines)
    return lines[0] ?? null
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined)
  }

  private split(chunk: Buffer, out: SourceLine[]): void {
    let start = 0
    for (;;) {
      const nl = chunk.indexOf(0x0a, start)
      const end = nl === -1 ? chunk.length : nl
      if (!this.overlong) {
        const piece = chunk.subarray(start, end)
        if (this.pendingBytes + piece.length > this.maxLineBytes) {
          this.overlong = true
          this.pending = []
          this.pendingBytes = 0
        } else if (piece.length > 0) {
          // Copied: the chunk buffer is reused by the next read.
          this.pending.push(Buffer.from(piece))
          this.pendingBytes += piece.length
        }
      }
      if (nl === -1) return
      this.endLine(out)
      start = nl + 1
    }
  }

  private endLine(out: SourceLine[]): void {
    this.lineNumber += 1
    const line = this.lineNumber
    if (this.overlong) {
      out.push({ kind: 'too_long', line })
    } else {
      const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes)
      try {
        out.push({ kind: 'line', line, text: this.decoder.decode(bytes).replace(/\r$/, '') })
      } catch {
        out.push({ kind: 'not_utf8', line })
      }
    }
    this.pending = []
    this.pendingBytes = 0
    this.overlong = false
  }
}
