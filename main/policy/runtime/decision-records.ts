/**
 * What the runtime remembers about each agent's latest decision, for the inspector's decision
 * trace: who decided, at which tick, the anneal draw, the mask and (for the model) the option
 * probabilities. Columns indexed by agent slot, grown as agents are added; never part of the
 * world state (a replay does not need them).
 */
import { AGENT_OPTIONS } from '../../../shared/contract/dto/world-summary'
import type { DecidedBy } from '../../../shared/contract/dto/policy'

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
}

function grow<T extends Int8Array | Int32Array | Uint8Array | Float32Array | Float64Array>(old: T, size: number, fill: number): T {
  const next = new (old.constructor as new (n: number) => T)(size)
  next.fill(fill)
  next.set(old as never)
  return next
}
