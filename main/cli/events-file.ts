/**
 * `--events out.jsonl`: every simulation event as one JSON line. Lines go to a temp file beside
 * the target, which is renamed over it only when the run finishes, so a crash or a kill never
 * leaves a half-written file under the name a script will read.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { SimEvent } from '../sim/state/world'
import { UsageError } from './cli-io'

export class EventsFile {
  /** Events written so far (including those still buffered). */
  count = 0
  private lines: string[] = []

  private constructor(
    readonly path: string,
    private readonly tmp: string,
    private readonly handle: FileHandle
  ) {}

  /** Open the temp file; a folder that does not exist, or a target that is a folder, is a usage error. */
  static async create(path: string): Promise<EventsFile> {
    const info = await stat(path).catch(() => undefined)
    if (info?.isDirectory()) throw new UsageError(`--events ${path} is a folder: name a file, e.g. ${join(path, 'events.jsonl')}`)
    const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
    try {
      return new EventsFile(path, tmp, await open(tmp, 'wx', 0o644))
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'ENOENT') throw new UsageError(`--events ${path}: the folder ${dirname(path)} does not exist: create it first`)
      if (code === 'EACCES' || code === 'EROFS') throw new UsageError(`--events ${path}: cannot write in ${dirname(path)} (${code}): pick a writable folder`)
      throw e
    }
  }

  /** Buffer one tick's events as JSON lines, so only strings wait for the next flush. */
  add(events: readonly SimEvent[]): void {
    for (const event of events) this.lines.push(`${JSON.stringify(event)}\n`)
    this.count += events.length
  }

  /** Write what is buffered; called between chunks of ticks so memory stays small. */
  async flush(): Promise<void> {
    if (this.lines.length === 0) return
    const text = this.lines.join('')
    this.lines = []
    await this.handle.write(text)
  }

  /** Flush, fsync and rename over the target: from here the file is whole. */
  async commit(): Promise<void> {
    try {
      await this.flush()
      await this.handle.sync()
      await this.handle.close()
      await rename(this.tmp, this.path)
    } catch (e) {
      await this.abort()
      throw e
    }
  }

  /** Drop the temp file; the target keeps whatever it held before the run. */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined)
    await rm(this.tmp, { force: true })
  }
}
