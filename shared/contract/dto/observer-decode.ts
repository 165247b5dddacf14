/**
 * Columns back to rows: a client's side of the observer stream. A full frame brings the town's
 * dictionaries and roster; a diff is read against those (plus the slots it names itself). Every
 * slot and code is checked against what it points into: a frame that names something unknown is
 * refused as a whole with a message saying what is wrong (the caller drops it and asks for the
 * whole town again), never half applied and never a throw.
 */
import type { AgentColumns, ObjectColumns, ObserverNames } from './observer-columns'
import type { AgentRow, ObjectRow, ObserverDiffRows, ObserverFrame, ObserverFrameRows, ObserverFull, ObserverFullRows } from './observer'

/** An object's fields that never change within a town. */
export type ObjectStatic = Pick<ObjectRow, 'id' | 'type' | 'x' | 'y' | 'home' | 'workplace'>

/** What a client must keep between frames to read the next diff. */
export interface DecoderState {
  roster: readonly string[]
  names: ObserverNames
  statics: readonly ObjectStatic[]
}

export type Decoded = { ok: true; frame: ObserverFrameRows; state: DecoderState } | { ok: false; error: string }

class Refused {
  constructor(readonly message: string) {}
}

/** names[code], or null for -1; anything else is refused. */
function lookup(list: readonly string[], code: number, what: string, where: string): string | null {
  if (code === -1) return null
  const value = list[code]
  if (value === undefined) throw new Refused(`${where} is ${code}, but there are only ${list.length} ${what}`)
  return value
}

function required<T>(list: readonly T[], code: number, what: string, where: string): T {
  const value = list[code]
  if (value === undefined) throw new Refused(`${where} is ${code}, but there are only ${list.length} ${what}`)
  return value
}

function agentRows(cols: AgentColumns, state: DecoderState, reasons: readonly string[]): AgentRow[] {
  const { names, roster } = state
  const objects = names.objects
  const rows: AgentRow[] = new Array<AgentRow>(cols.index.length)
  for (let k = 0; k < cols.index.length; k++) {
    const at = (column: string) => `agents.${column}[${k}]`
    rows[k] = {
      id: required(roster, cols.index[k]!, 'agents in the roster', at('index')),
      x: cols.x[k]!,
      y: cols.y[k]!,
      hunger: cols.hunger[k]! / 1000,
      hygiene: cols.hygiene[k]! / 1000,
      energy: cols.energy[k]! / 1000,
      wallet: cols.wallet[k]! / 100,
      option: required(names.option, cols.option[k]!, 'options', at('option')),
      phase: required(names.phase, cols.phase[k]!, 'phases', at('phase')),
      target: lookup(objects, cols.target[k]!, 'objects', at('target')),
      action: lookup(names.affordances, cols.action[k]!, 'affordances', at('action')),
      queue_pos: cols.queue_pos[k] === -1 ? null : cols.queue_pos[k]!,
      home: lookup(names.homes, cols.home[k]!, 'homes', at('home')),
      job: lookup(names.jobs, cols.job[k]!, 'jobs', at('job')),
      shift: required(names.shift, cols.shift[k]!, 'shift states', at('shift')),
      fail_reason: lookup(reasons, cols.fail_reason[k]!, 'fail reasons in this frame', at('fail_reason')) ?? ''
    }
  }
  return rows
}

function objectRows(cols: ObjectColumns, state: DecoderState): ObjectRow[] {
  const { roster, names, statics } = state
  const rows: ObjectRow[] = new Array<ObjectRow>(cols.index.length)
  let q = 0
  for (let k = 0; k < cols.index.length; k++) {
    const fixed = required(statics, cols.index[k]!, 'objects', `objects.index[${k}]`)
    const queue: string[] = []
    for (let end = q + cols.queue_len[k]!; q < end; q++) queue.push(required(roster, cols.queue[q]!, 'agents in the roster', `objects.queue[${q}]`))
    const running = lookup(names.affordances, cols.running[k]!, 'affordances', `objects.running[${k}]`)
    const holder = cols.holder[k]!
    rows[k] = {
      ...fixed,
      holder: holder === -1 ? null : required(roster, holder, 'agents in the roster', `objects.holder[${k}]`),
      queue,
      running,
      remaining: cols.remaining[k]!,
      stock: { ...cols.stock[k]! }
    }
  }
  return rows
}

function staticsOf(full: ObserverFull): ObjectStatic[] {
  const { names, statics } = full
  return names.objects.map((id, o) => ({
    id,
    type: required(names.types, statics.type[o]!, 'object types', `statics.type[${o}]`),
    x: statics.x[o]!,
    y: statics.y[o]!,
    home: lookup(names.homes, statics.home[o]!, 'homes', `statics.home[${o}]`),
    workplace: lookup(names.workplaces, statics.workplace[o]!, 'workplaces', `statics.workplace[${o}]`)
  }))
}

function decodeFull(frame: ObserverFull): { frame: ObserverFullRows; state: DecoderState } {
  const state: DecoderState = { roster: frame.roster, names: frame.names, statics: staticsOf(frame) }
  const { names: _n, roster: _r, statics: _s, reasons, agents, objects, ...rest } = frame
  return { frame: { ...rest, agents: agentRows(agents, state, reasons), objects: objectRows(objects, state) }, state }
}

function decodeDiff(previous: DecoderState, frame: Extract<ObserverFrame, { kind: 'diff' }>): { frame: ObserverDiffRows; state: DecoderState } {
  let state = previous
  if (frame.roster.index.length > 0) {
    const roster = [...previous.roster]
    frame.roster.index.forEach((slot, k) => {
      // A slot past the end would leave one unnamed.
      if (slot > roster.length) throw new Refused(`roster.index[${k}] is ${slot}, but the roster has only ${roster.length} slots (slots are named in order)`)
      roster[slot] = frame.roster.id[k]!
    })
    state = { ...previous, roster }
  }
  const removed = frame.removed.map((slot, k) => required(state.roster, slot, 'agents in the roster', `removed[${k}]`))
  const { roster: _r, reasons, agents, objects, ...rest } = frame
  return { frame: { ...rest, agents: agentRows(agents, state, reasons), removed, objects: objectRows(objects, state) }, state }
}

/**
 * A validated frame (ObserverFrameSchema) as rows, read against `state` (null before the first
 * full frame), with the state for the next one; or why it cannot be read.
 */
export function decodeObserverFrame(state: DecoderState | null, frame: ObserverFrame): Decoded {
  try {
    if (frame.kind === 'full') return { ok: true, ...decodeFull(frame) }
    if (state === null) return { ok: false, error: 'observer diff before any full frame: ask for the whole town (observer.full)' }
    return { ok: true, ...decodeDiff(state, frame) }
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: `observer frame ${frame.seq} refused: ${error.message}; the town is fetched again` }
    throw error
  }
}
