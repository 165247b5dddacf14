/**
 * JSONL stream files with rotation (docs/telemetry.md). Each line is
 * `{"stream_offset":N,"message":…}`; offsets are given as messages are enqueued, rise by one per
 * message, continue across rotated files and across runs on the same path, and skip exactly the
 * messages that were dropped. A file that cannot be opened or written (permissions, a full disk)
 * shows in status and is retried with backoff; sends keep enqueueing, bounded as ever.
 */
import { constants } from 'node:fs'
import { lstat, open, type FileHandle } from 'node:fs/promises'
import type { FileTransportSchema } from '../../config/sections/telemetry'
import type { Workspace } from '../../fs/workspace'
import type { z } from 'zod'
import type { Batch } from './byte-queue'
import { lastStreamOffset, rotateFiles, streamLine } from './file-rotation'
import { QueuedTransport, type QueuedOptions } from './queued-transport'
import { errnoCode } from './sanitize'
import { checkStreamFolder } from './stream-path'
import type { DeliveryFailure } from './transport'

export type FileRotation = z.infer<typeof FileTransportSchema>['rotate']

export interface FileOptions extends QueuedOptions {
  /** Absolute, already checked by resolveStreamPath. */
  path: string
  rotate: FileRotation
  workspace: Workspace
}

// O_NONBLOCK: a FIFO left at the path fails at once (ENXIO) instead of waiting for a reader.
const OPEN_FLAGS = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK

export class FileTransport extends QueuedTransport {
  readonly kind = 'file' as const
  private handle: FileHandle | null = null
  private size = 0
  private entries = 0
  private opened = false
  private nextOffset: number

  private constructor(
    private readonly file: FileOptions,
    firstOffset: number
  ) {
    super(file)
    this.nextOffset = firstOffset
  }

  /** A transport on `path`, continuing the offsets an earlier run left there. Opens nothing yet. */
  static async create(options: FileOptions): Promise<FileTransport> {
    const last = await lastStreamOffset(options.path)
    return new FileTransport(options, last === null ? 0 : last + 1)
  }

  override sendJson(json: string): void {
    super.sendJson(streamLine(this.nextOffset++, json))
  }

  protected target(): string {
    return this.file.path
  }

  protected connected(): boolean {
    return this.handle !== null
  }

  protected async deliver(batch: Batch): Promise<DeliveryFailure | null> {
    try {
      if (!this.handle) {
        const failure = await this.openFile()
        if (failure) return failure
      }
      await this.writeLines(batch)
      return null
    } catch (e) {
      await this.closeFile()
      const code = errnoCode(e)
      const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'the file system is read-only' : code === 'ELOOP' ? 'it is a link, and a stream file may not be one' : `the write failed${code ? ` (${code})` : ''}`
      return this.failure('telemetry.write_failed', `writing the telemetry file ${this.file.path} failed: ${why}`)
    }
  }

  protected async release(): Promise<void> {
    await this.handle?.sync().catch(() => {})
    await this.closeFile()
  }

  private async openFile(): Promise<DeliveryFailure | null> {
    const folder = await checkStreamFolder(this.file.workspace, this.file.path)
    if (!folder.ok) return this.failure(folder.error.code, folder.error.message)
    // A run that finds an earlier stream starts a fresh file; the old one becomes PATH.1.
    if (!this.opened) {
      const existing = await lstat(this.file.path).catch(() => null)
      if (existing?.isFile() && existing.size > 0) await rotateFiles(this.file.path, this.file.rotate.keep)
    }
    this.handle = await open(this.file.path, OPEN_FLAGS, 0o644)
    const stat = await this.handle.stat()
    this.size = stat.size
    // Reopened after a failure: the lines already there are not counted again, so a count-rotated file may run a batch over.
    this.entries = this.opened ? this.entries : 0
    this.opened = true
    return null
  }

  /** Write the batch, rotating between lines where a limit is reached; written lines leave the batch. */
  private async writeLines(batch: Batch): Promise<void> {
    const { max_bytes, max_entries } = this.file.rotate
    while (batch.lines.length > 0) {
      let count = 0
      let bytes = 0
      for (const line of batch.lines) {
        const size = Buffer.byteLength(line, 'utf8') + 1
        const full = (max_entries !== null && this.entries + count >= max_entries) || (max_bytes !== null && this.size + bytes > 0 && this.size + bytes + size > max_bytes)
        if (full) break
        count++
        bytes += size
      }
      if (count > 0) {
        await writeAll(this.handle!, Buffer.from(`${batch.lines.slice(0, count).join('\n')}\n`, 'utf8'))
        this.size += bytes
        this.entries += count
        batch.lines.splice(0, count)
        batch.bytes -= bytes
        this.delivered(count)
      }
      if (batch.lines.length > 0) await this.rotate()
    }
  }

  private async rotate(): Promise<void> {
    await this.closeFile()
    await rotateFiles(this.file.path, this.file.rotate.keep)
    this.handle = await open(this.file.path, OPEN_FLAGS, 0o644)
    this.size = 0
    this.entries = 0
  }

  private async closeFile(): Promise<void> {
    const handle = this.handle
    this.handle = null
    await handle?.close().catch(() => {})
  }
}

/** A write can take fewer bytes than offered (a device, a nearly full disk): go on until all are in. */
async function writeAll(handle: FileHandle, buf: Buffer): Promise<void> {
  for (let at = 0; at < buf.length; ) {
    const { bytesWritten } = await handle.write(buf, at, buf.length - at)
    if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' })
    at += bytesWritten
  }
}
