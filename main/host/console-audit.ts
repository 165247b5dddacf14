/**
 * The console audit log: one JSON line per record (audit-records.ts), appended, never rewritten.
 * Appends run one after another so lines keep their order. The file mechanics (an open handle,
 * one write per line, a torn tail cut at open and after a failed write, rotation by size) live
 * in audit-file.ts. A failed write is reported through `onError` once until writes work again,
 * and noted in the log itself (`event: 'lost'`) when they do; the host carries on: losing an
 * audit line must never take the shard down with it.
 */
import type { AuditRecord } from './audit-records'
import { AuditFile } from './audit-file'
import { nodeAuditIo, type AuditIo } from './audit-io'
import { AUDIT_MAX_BYTES, AUDIT_MAX_FILES } from './audit-rotation'

export interface AuditLogOptions {
  /** A write, an open or a rotation failed (the host log, never the clients). */
  onError(message: string): void
  /** The file system; the real one unless a test fails it on purpose. */
  io?: AuditIo
  /** Rotate past this many bytes (10 MiB). */
  maxBytes?: number
  /** Files kept, the live one included (5). */
  maxFiles?: number
  /** For the log's own notes. */
  now?: () => Date
}

export class AuditLog {
  private chain: Promise<void> = Promise.resolve()
  private readonly file: AuditFile
  private lost = 0
  private lostReason = ''

  constructor(
    readonly path: string,
    private readonly options: AuditLogOptions
  ) {
    this.file = new AuditFile(path, {
      io: options.io ?? nodeAuditIo,
      maxBytes: Math.max(1, options.maxBytes ?? AUDIT_MAX_BYTES),
      maxFiles: Math.max(1, options.maxFiles ?? AUDIT_MAX_FILES),
      onRotateError: (message) => options.onError(message)
    })
  }

  append(record: AuditRecord): void {
    let line: Buffer
    try {
      line = encode(record)
    } catch (e) {
      this.options.onError(`could not encode a console audit line: ${(e as Error).message}`)
      return
    }
    this.chain = this.chain.then(() => this.write(line))
  }

  /** Resolves once every line appended so far is written (or has failed and been reported). */
  flush(): Promise<void> {
    return this.chain
  }

  /** Write what is pending, then close the file (a later append opens it again). */
  close(): Promise<void> {
    this.chain = this.chain.then(() => this.file.close().catch((e: unknown) => this.options.onError(`could not close the console audit log ${this.path}: ${(e as Error).message}`)))
    return this.chain
  }

  private async write(line: Buffer): Promise<void> {
    try {
      const dropped = await this.file.open()
      if (dropped > 0) await this.file.append(encode({ kind: 'audit', event: 'repaired', time: this.time(), file: this.path, dropped_bytes: dropped }))
      if (this.lost > 0) {
        await this.file.append(encode({ kind: 'audit', event: 'lost', time: this.time(), count: this.lost, reason: this.lostReason }))
        this.options.onError(`the console audit log ${this.path} is writable again; ${this.lost} line(s) could not be written before`)
        this.lost = 0
      }
      await this.file.append(line)
    } catch (e) {
      // Report the first failure of a run of them, not one message per line on a full disk.
      if (this.lost === 0) this.options.onError(`could not append to the console audit log ${this.path}: ${(e as Error).message}; the command itself is not affected`)
      this.lost++
      this.lostReason = (e as Error).message.slice(0, 256)
    }
  }

  private time(): string {
    return (this.options.now?.() ?? new Date()).toISOString()
  }
}

/** One line, one buffer: JSON escapes every newline inside strings, so the only one is the last. */
function encode(record: AuditRecord): Buffer {
  return Buffer.from(`${JSON.stringify(record)}\n`, 'utf8')
}
