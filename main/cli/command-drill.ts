/**
 * A console drill in `townlet run`: commands from a file go through the shard's own router at
 * their tick (in file order within a tick), exactly as an operator's would. Each command's final
 * result becomes a line of --results (written whole at the end) and of --audit (appended).
 */
import { resolve } from 'node:path'
import type { ConsoleResult, Role } from '../../shared/contract/dto/console'
import { auditLine } from '../console/audit-line'
import { OutcomeTracker } from '../console/outcome-tracker'
import { writeFileAtomic } from '../fs/atomic-write'
import { AuditLog } from '../host/console-audit'
import type { Shard } from '../shard/shard'
import type { DrillLine } from './commands-file'

export interface DrillOptions {
  role: Role
  /** --results, resolved. */
  resultsPath?: string
  /** --audit, resolved. */
  auditPath?: string
  onWarning(message: string): void
}

export class CommandDrill {
  readonly results: ConsoleResult[] = []
  private next = 0
  private readonly tracker: OutcomeTracker
  private readonly audit: AuditLog | undefined

  constructor(
    private readonly shard: Shard,
    private readonly lines: readonly DrillLine[],
    private readonly options: DrillOptions
  ) {
    // Stable sort: within a tick, file order.
    this.lines = [...lines].sort((a, b) => a.tick - b.tick)
    this.audit = options.auditPath === undefined ? undefined : new AuditLog(options.auditPath, { onError: options.onWarning })
    this.tracker = new OutcomeTracker((result, args) => {
      this.results.push(result)
      this.audit?.append(auditLine(result, args, new Date()))
    })
    shard.onConsoleResult((result) => this.tracker.applied(result))
  }

  /** The next tick at which commands are due, or undefined when none are left. */
  get nextTick(): number | undefined {
    return this.lines[this.next]?.tick
  }

  /** Submit every command due at the shard's current tick. */
  submitDue(tick: number): void {
    while (this.next < this.lines.length && this.lines[this.next]!.tick <= tick) {
      const line = this.lines[this.next++]!
      const result = this.shard.submitConsole({ name: line.name, args: line.args, issuer: 'cli', role: this.options.role, ...(line.cmd_id === undefined ? {} : { cmd_id: line.cmd_id }) })
      this.tracker.submitted(result, line.args)
    }
  }

  /** End of the run: queued commands that never reached a tick are finalised, then the files are written. */
  async finish(finalTick: number): Promise<void> {
    this.submitDue(finalTick)
    this.shard.console.abandon(`the run ended at tick ${finalTick} before it reached a tick boundary`)
    if (this.options.resultsPath !== undefined) await writeFileAtomic(this.options.resultsPath, this.results.map((r) => `${JSON.stringify(r)}\n`).join(''))
    await this.audit?.close()
  }

  count(status: ConsoleResult['status']): number {
    return this.results.filter((r) => r.status === status).length
  }
}

/** Resolve an optional path option against the working directory. */
export function resolvedPath(cwd: string, path: string | undefined): string | undefined {
  return path === undefined ? undefined : resolve(cwd, path)
}
