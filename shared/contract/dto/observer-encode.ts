/**
 * Rows to columns, for a sender that holds rows: the host's mirror of the town (which folds
 * diffs for slow clients by id) and tests. The shard itself encodes straight from the engine's
 * columns (main/shard/observer-emitter.ts).
 *
 * Slots are handed out once per town and never reused, each remembering the frame that first
 * named it: a diff from `base_seq` names (in `roster`) exactly the slots handed out after it, and
 * lists as removed only agents its receiver knew, so one encoder serves every client whatever
 * frame it is at.
 */
import { AGENT_COLUMNS, type AgentColumns, type ObjectColumns, type ObserverNames } from './observer-columns'
import { AGENT_PHASES, SHIFT_STATES, type AgentRow, type ObjectRow, type ObserverDiff, type ObserverDiffRows, type ObserverFull, type ObserverFullRows } from './observer'
import { AGENT_OPTIONS } from './world-summary'

/** Codes of a dictionary, -1 for null. */
class Codes {
  private readonly byName = new Map<string, number>()
  constructor(
    readonly list: string[],
    private readonly what: string
  ) {
    list.forEach((name, i) => this.byName.set(name, i))
  }
  code(name: string | null): number {
    if (name === null) return -1
    const code = this.byName.get(name)
    // Rows come from a decoded frame of the same town, so an unknown name is a bug in the sender.
    if (code === undefined) throw new Error(`observer encoder: ${this.what} "${name.slice(0, 40)}" is not in the town's dictionary`)
    return code
  }
}

/** The dictionaries rows of a town need (for senders that have no engine to take them from). */
export function namesFromRows(full: ObserverFullRows, affordances: readonly string[] = []): ObserverNames {
  const sorted = (values: Iterable<string | null>) => [...new Set([...values].filter((v): v is string => v !== null))].sort()
  return {
    option: [...AGENT_OPTIONS],
    phase: [...AGENT_PHASES],
    shift: [...SHIFT_STATES],
    objects: full.objects.map((o) => o.id),
    types: sorted(full.objects.map((o) => o.type)),
    affordances: sorted([...affordances, ...full.objects.map((o) => o.running), ...full.agents.map((a) => a.action)]),
    homes: sorted([...full.map.homes.map((h) => h.id), ...full.agents.map((a) => a.home), ...full.objects.map((o) => o.home)]),
    workplaces: sorted([...full.map.workplaces.map((w) => w.id), ...full.objects.map((o) => o.workplace)]),
    jobs: sorted(full.agents.map((a) => a.job))
  }
}

export class ObserverRowsEncoder {
  private names: ObserverNames | undefined
  private codes: Record<'option' | 'phase' | 'shift' | 'objects' | 'types' | 'affordances' | 'homes' | 'workplaces' | 'jobs', Codes> | undefined
  private readonly slotOf = new Map<string, number>()
  private readonly roster: string[] = []
  /** seq of the frame that first named each slot. */
  private readonly namedAt: number[] = []

  /** A new town: its dictionaries; every slot is forgotten. */
  reset(names: ObserverNames): void {
    this.names = names
    const c = (key: keyof ObserverNames) => new Codes(names[key] as string[], key)
    this.codes = { option: c('option'), phase: c('phase'), shift: c('shift'), objects: c('objects'), types: c('types'), affordances: c('affordances'), homes: c('homes'), workplaces: c('workplaces'), jobs: c('jobs') }
    this.slotOf.clear()
    this.roster.length = 0
    this.namedAt.length = 0
  }

  /** The whole town as a full frame (call `reset` first, once per town). */
  full(rows: ObserverFullRows): ObserverFull {
    const { names, codes } = this.ready()
    const reasons = new Codes([], 'reason')
    const agents = this.agentColumns(rows.agents, rows.seq, reasons)
    const statics = {
      type: rows.objects.map((o) => codes.types.code(o.type)),
      x: rows.objects.map((o) => o.x),
      y: rows.objects.map((o) => o.y),
      home: rows.objects.map((o) => codes.homes.code(o.home)),
      workplace: rows.objects.map((o) => codes.workplaces.code(o.workplace))
    }
    const { agents: _a, objects: _o, ...rest } = rows
    return { ...rest, names, roster: [...this.roster], reasons: reasons.list, agents, statics, objects: this.objectColumns(rows.objects, rows.seq) }
  }

  /** The rows that changed since `rows.base_seq`, for a receiver at that frame. */
  diff(rows: ObserverDiffRows): ObserverDiff {
    this.ready()
    const reasons = new Codes([], 'reason')
    const agents = this.agentColumns(rows.agents, rows.seq, reasons)
    const objects = this.objectColumns(rows.objects, rows.seq)
    // The receiver knows the slots named up to its frame; it is told every later one, in order
    // (an agent that came and went meanwhile included, so its roster has no gaps).
    let known = this.roster.length
    while (known > 0 && this.namedAt[known - 1]! > rows.base_seq) known--
    const roster = { index: [] as number[], id: [] as string[] }
    for (let slot = known; slot < this.roster.length; slot++) {
      roster.index.push(slot)
      roster.id.push(this.roster[slot]!)
    }
    const removed: number[] = []
    for (const id of rows.removed) {
      const slot = this.slotOf.get(id)
      if (slot !== undefined && slot < known) removed.push(slot)
    }
    removed.sort((a, b) => a - b)
    const { agents: _a, objects: _o, removed: _r, ...rest } = rows
    return { ...rest, roster, reasons: reasons.list, agents, removed, objects }
  }

  private ready() {
    if (!this.names || !this.codes) throw new Error('observer encoder: reset(names) before the first frame')
    return { names: this.names, codes: this.codes }
  }

  private slot(id: string, seq: number): number {
    let slot = this.slotOf.get(id)
    if (slot === undefined) {
      slot = this.roster.length
      this.slotOf.set(id, slot)
      this.roster.push(id)
      this.namedAt.push(seq)
    }
    return slot
  }

  private agentColumns(rows: readonly AgentRow[], seq: number, reasons: Codes): AgentColumns {
    const codes = this.codes!
    const reasonCodes = new Map<string, number>()
    const sorted = rows.map((row) => ({ row, slot: this.slot(row.id, seq) })).sort((a, b) => a.slot - b.slot)
    const cols = Object.fromEntries(['index', ...AGENT_COLUMNS].map((k) => [k, [] as number[]])) as AgentColumns
    for (const { row, slot } of sorted) {
      let reason = -1
      if (row.fail_reason !== '') {
        reason = reasonCodes.get(row.fail_reason) ?? reasons.list.push(row.fail_reason) - 1
        reasonCodes.set(row.fail_reason, reason)
      }
      cols.index.push(slot)
      cols.x.push(row.x)
      cols.y.push(row.y)
      cols.hunger.push(Math.round(row.hunger * 1000))
      cols.hygiene.push(Math.round(row.hygiene * 1000))
      cols.energy.push(Math.round(row.energy * 1000))
      cols.wallet.push(Math.round(row.wallet * 100))
      cols.option.push(codes.option.code(row.option))
      cols.phase.push(codes.phase.code(row.phase))
      cols.shift.push(codes.shift.code(row.shift))
      cols.target.push(codes.objects.code(row.target))
      cols.action.push(codes.affordances.code(row.action))
      cols.queue_pos.push(row.queue_pos ?? -1)
      cols.home.push(codes.homes.code(row.home))
      cols.job.push(codes.jobs.code(row.job))
      cols.fail_reason.push(reason)
    }
    return cols
  }

  private objectColumns(rows: readonly ObjectRow[], seq: number): ObjectColumns {
    const codes = this.codes!
    const sorted = rows.map((row) => ({ row, slot: codes.objects.code(row.id) })).sort((a, b) => a.slot - b.slot)
    const cols: ObjectColumns = { index: [], holder: [], running: [], remaining: [], queue_len: [], queue: [], stock: [] }
    for (const { row, slot } of sorted) {
      cols.index.push(slot)
      cols.holder.push(row.holder === null ? -1 : this.slot(row.holder, seq))
      cols.running.push(codes.affordances.code(row.running))
      cols.remaining.push(row.remaining)
      cols.queue_len.push(row.queue.length)
      for (const id of row.queue) cols.queue.push(this.slot(id, seq))
      cols.stock.push({ ...row.stock })
    }
    return cols
  }
}
