/**
 * What the runtime remembers about each agent's latest decision, for the inspector's decision
 * trace: who decided, at which tick, the anneal draw, the mask and (for the model) the option
 * probabilities. Columns indexed by agent slot, grown as agents are added; never part of the
 * world state (a replay does not need them).
 */
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import type { DecidedBy } from '../../../shared/contract/dto/policy'
import { err, ok, type Result } from '../../../shared/result'
import { formatZodIssues } from '../../../shared/zod-issues'
import { DecisionRecordsJsonSchema, type DecisionRecordJson, type DecisionRecordsJson } from './decision-records-json'

export const DECIDERS: readonly DecidedBy[] = ['scripted', 'learned', 'operator']
export const Decider = { none: -1, scripted: 0, learned: 1, operator: 2 } as const

const O = AGENT_OPTIONS.length

export class DecisionRecords {
  /** Decider index, or −1 before the agent's first decision. */
  by = new Int8Array(0)
  /** The tick whose state the decision read. */
  tick = new Int32Array(0)
  /** The option it went on with after the decision (AGENT_OPTIONS index). */
  chosen = new Int8Array(0)
  /** 1 when the commitment window held the current option against a different choice. */
  held = new Uint8Array(0)
  draw = new Float64Array(0)
  /** O per agent; valid when `hasProbs` is 1. */
  probs = new Float32Array(0)
  hasProbs = new Uint8Array(0)
  mask = new Uint8Array(0)
  hasMask = new Uint8Array(0)
  /** Why a guardrail replaced the model's choice at the agent's latest decision (sparse). */
  guardrail: (string | undefined)[] = []
  /** Decisions per decider in the last tick and overall. */
  lastTick = [0, 0, 0]
  total = [0, 0, 0]

  ensure(n: number): void {
    if (this.by.length >= n) return
    const size = Math.max(16, n * 2)
    this.by = grow(this.by, size, -1)
    this.tick = grow(this.tick, size, -1)
    this.chosen = grow(this.chosen, size, 0)
    this.held = grow(this.held, size, 0)
    this.draw = grow(this.draw, size, Number.NaN)
    this.probs = grow(this.probs, size * O, 0)
    this.hasProbs = grow(this.hasProbs, size, 0)
    this.mask = grow(this.mask, size * O, 0)
    this.hasMask = grow(this.hasMask, size, 0)
  }

  beginTick(): void {
    this.lastTick = [0, 0, 0]
  }

  /** Note a decision (or a considered keep) for agent `i`. */
  note(i: number, by: number, tick: number, chosen: number, held: boolean, draw: number): void {
    this.by[i] = by
    this.tick[i] = tick
    this.chosen[i] = chosen
    this.held[i] = held ? 1 : 0
    this.draw[i] = draw
    this.hasProbs[i] = 0
    this.hasMask[i] = 0
    this.guardrail[i] = undefined
  }

  setGuardrail(i: number, reason: string): void {
    this.guardrail[i] = reason
  }

  count(by: number): void {
    this.lastTick[by]!++
    this.total[by]!++
  }

  setProbs(i: number, probs: Float32Array | Float64Array): void {
    this.probs.set(probs.subarray(0, O), i * O)
    this.hasProbs[i] = 1
  }

  setMask(i: number, mask: Uint8Array): void {
    this.mask.set(mask.subarray(0, O), i * O)
    this.hasMask[i] = 1
  }

  /** Every agent that has decided, ascending; probabilities and masks only where they are valid. */
  toJSON(): DecisionRecordsJson {
    const agents: DecisionRecordJson[] = []
    for (let i = 0; i < this.by.length; i++) {
      if (this.by[i]! < 0) continue
      agents.push({
        slot: i,
        by: this.by[i]!,
        tick: this.tick[i]!,
        chosen: this.chosen[i]!,
        held: this.held[i] === 1,
        draw: Number.isNaN(this.draw[i]!) ? null : this.draw[i]!,
        probs: this.hasProbs[i] === 1 ? Array.from(this.probs.subarray(i * O, i * O + O)) : null,
        mask: this.hasMask[i] === 1 ? (Array.from(this.mask.subarray(i * O, i * O + O)) as (0 | 1)[]) : null,
        guardrail: this.guardrail[i] ?? null
      })
    }
    return { last_tick: [...this.lastTick] as [number, number, number], total: [...this.total] as [number, number, number], agents }
  }

  /** Rebuild from `toJSON()` output, checked; `at` names where it sits in a document, for the error. */
  static fromJSON(json: unknown, at = 'records'): Result<DecisionRecords> {
    const parsed = DecisionRecordsJsonSchema.safeParse(json)
    if (!parsed.success) return err('snapshot.invalid', `the decision records are not valid: ${formatZodIssues(parsed.error.issues.slice(0, 5).map((i) => ({ ...i, path: [at, ...i.path] })))}`)
    const data = parsed.data
    const records = new DecisionRecords()
    records.ensure((data.agents.at(-1)?.slot ?? -1) + 1)
    for (const r of data.agents) {
      records.note(r.slot, r.by, r.tick, r.chosen, r.held, r.draw ?? Number.NaN)
      if (r.probs) records.setProbs(r.slot, Float64Array.from(r.probs))
      if (r.mask) records.setMask(r.slot, Uint8Array.from(r.mask))
      if (r.guardrail !== null) records.setGuardrail(r.slot, r.guardrail)
    }
    records.lastTick = [...data.last_tick]
    records.total = [...data.total]
    return ok(records)
  }
}

function grow<T extends Int8Array | Int32Array | Uint8Array | Float32Array | Float64Array>(old: T, size: number, fill: number): T {
  const next = new (old.constructor as new (n: number) => T)(size)
  next.fill(fill)
  next.set(old as never)
  return next
}
