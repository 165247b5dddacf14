/**
 * The console audit log: one JSON line per command outcome, appended, never rewritten. Appends
 * run one after another so lines keep their order; the folder is created on first use. A failed
 * write is reported through `onError` and the host carries on: losing an audit line must never
 * take the shard down with it.
 */
import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { AuditLine } from '../console/audit-line'

export class AuditLog {
  private chain: Promise<void> = Promise.resolve()
  private folderReady = false

  constructor(
    readonly path: string,
    private readonly onError: (message: string) => void
  ) {}

  append(line: AuditLine): void {
    const text = `${JSON.stringify(line)}\n`
    this.chain = this.chain.then(() => this.write(text))
  }

  /** Resolves once every line appended so far is written (or has failed and been reported). */
  flush(): Promise<void> {
    return this.chain
  }

  private async write(text: string): Promise<void> {
    try {
      if (!this.folderReady) {
        await mkdir(dirname(this.path), { recursive: true })
        this.folderReady = true
      }
      // Owner-only: the log holds every command's arguments.
      await appendFile(this.path, text, { encoding: 'utf8', mode: 0o600 })
    } catch (e) {
      this.folderReady = false
      this.onError(`could not append to the console audit log ${this.path}: ${(e as Error).message}; the command itself is not affected`)
    }
  }
}
