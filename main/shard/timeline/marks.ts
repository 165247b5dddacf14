/**
 * The scrubber's marks: alerts, perturbations, console commands, operator bookmarks, forks and
 * snapshots, each at a tick. Bounded: past the limit the oldest go first (the newest win).
 * Console and perturbation marks are derived from what each tick applied and raised; alerts
 * and snapshots come from whoever sees them (the shard's telemetry and snapshot manager).
 */
import type { TimelineMark, TimelineMarkKind } from '../../../shared/contract/dto/timeline'
import type { ConsoleOp } from '../../sim/inputs'
import type { SimEvent } from '../../sim/state/world'

export const MARK_LABEL_MAX = 200

/** Control characters out, trimmed, bounded: a label is shown on the scrubber as it is. */
export function markLabel(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MARK_LABEL_MAX)
}

export class MarkList {
  private marks: TimelineMark[]

  constructor(
    private readonly limit: number,
    marks: readonly TimelineMark[] = []
  ) {
    this.marks = marks.slice(-limit)
  }

  add(kind: TimelineMarkKind, tick: number, label: string): TimelineMark {
    const mark = { tick, kind, label: markLabel(label) }
    this.marks.push(mark)
    // Trimmed in batches: one splice per limit/8 marks instead of a shift per mark.
    if (this.marks.length > this.limit + Math.max(1, this.limit >> 3)) this.marks = this.marks.slice(-this.limit)
    return mark
  }

  list(): TimelineMark[] {
    return this.marks.slice(-this.limit)
  }

  copyThrough(tick: number): MarkList {
    return new MarkList(this.limit, this.marks.filter((m) => m.tick <= tick))
  }
}

/** The marks a tick brings: each console op it applied, each perturbation that started, ended or was cancelled. */
export function deriveMarks(marks: MarkList, tick: number, ops: readonly ConsoleOp[], events: readonly SimEvent[]): void {
  for (const op of ops) marks.add('console', tick, op.cmd_id ? `${op.op} (${op.cmd_id})` : op.op)
  for (const e of events) {
    if (e.type !== 'perturbation_started' && e.type !== 'perturbation_ended' && e.type !== 'perturbation_cancelled' && e.type !== 'perturbation_skipped') continue
    // A cancel names no kind: its spec, or nothing for an ad-hoc meet.
    const spec = e.spec ?? ('kind' in e ? e.kind : '')
    marks.add('perturbation', tick, spec ? `${e.type}: ${spec}` : e.type)
  }
}
