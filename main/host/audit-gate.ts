/**
 * Between the console service and its audit log: lines caused by viewer sessions pass the
 * viewer rate (audit-throttle.ts) and become counts past it, with a summary line per session per
 * interval; every other line is written at once. Summaries that fall due are written before the
 * next line, on a periodic sweep, and at shutdown.
 */
import type { AuditRecord, SuppressedNote } from './audit-records'
import type { AuditLog } from './console-audit'
import { AuditThrottle, type AuditThrottleOptions, type Suppressed } from './audit-throttle'

/** A viewer session's line: counted against its rate under `key` (the command or channel). */
export interface ViewerCause {
  issuer: string
  key: string
}

export class AuditGate {
  private readonly throttle: AuditThrottle

  constructor(
    private readonly log: AuditLog | undefined,
    private readonly now: () => Date,
    options: AuditThrottleOptions = {}
  ) {
    this.throttle = new AuditThrottle(options)
  }

  /** Write the record, unless a viewer caused it past its rate (`viewer` set). */
  record(record: AuditRecord, viewer?: ViewerCause): void {
    if (!this.log) return
    const at = this.now().getTime()
    if (!viewer) {
      this.write(this.throttle.due(at))
      this.log.append(record)
      return
    }
    const { write, due } = this.throttle.admit(viewer.issuer, viewer.key, at)
    this.write(due)
    if (write) this.log.append(record)
  }

  /** Write the summaries whose interval has passed (a flood that stopped still gets its summary). */
  sweep(): void {
    if (this.log) this.write(this.throttle.due(this.now().getTime()))
  }

  /** Write every summary still held: the host stops. */
  drain(): void {
    if (this.log) this.write(this.throttle.drain(this.now().getTime()))
  }

  private write(summaries: Suppressed[]): void {
    const time = this.now().toISOString()
    for (const s of summaries) {
      const note: SuppressedNote = { kind: 'audit', event: 'suppressed', time, issuer: s.issuer, role: 'viewer', count: s.count, by: s.by, since: new Date(s.since).toISOString() }
      if (s.sessions !== undefined) note.sessions = s.sessions
      this.log?.append(note)
    }
  }
}
