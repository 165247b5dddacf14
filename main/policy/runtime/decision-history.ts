/**
 * Each agent's recent decisions that changed something (a new option, a choice the commitment
 * window held back, a guardrail stepping in), newest last, for the decision trace's history: an
 * operator picks a tick and sees who decided what and why. Agents carrying on with what they do
 * leave no entry, so a busy town records only its few changes per tick.
 */
import { AGENT_OPTIONS, type AgentOption } from '../../../shared/contract/dto/world-summary'
import type { DecisionTrace } from '../../../shared/contract/dto/policy'
import { err, ok, type Result } from '../../../shared/result'
import { formatZodIssues } from '../../../shared/zod-issues'
import { DECIDERS } from './decision-records'
import { decisionHistoryJsonSchema, type DecisionHistoryJson } from './decision-records-json'

export type HistoryEntry = DecisionTrace['history'][number]

/** Entries kept per agent. */
export const HISTORY_LENGTH = 16

export class DecisionHistory {
  private readonly byAgent: (HistoryEntry[] | undefined)[] = []

  push(agent: number, entry: { tick: number; by: number; chosen: number; held: boolean; draw: number; guardrail?: string; probs?: ArrayLike<number>; mask?: ArrayLike<number> }): void {
    const list = (this.byAgent[agent] ??= [])
    list.push({
      tick: entry.tick,
      decided_by: DECIDERS[entry.by]!,
      chosen: AGENT_OPTIONS[entry.chosen]!,
      held: entry.held,
      anneal_draw: Number.isNaN(entry.draw) ? null : round(entry.draw),
      guardrail: entry.guardrail ?? null,
      allowed: entry.mask ? AGENT_OPTIONS.filter((_, o) => entry.mask![o] === 1) : null,
      probabilities: entry.probs ? rankedProbabilities(entry.probs, 0, 3) : null
    })
    if (list.length > HISTORY_LENGTH) list.shift()
  }

  /** Newest first. */
  of(agent: number): HistoryEntry[] {
    return [...(this.byAgent[agent] ?? [])].reverse()
  }

  /** `[agent slot, entries oldest first]` for every agent with entries, ascending. */
  toJSON(): DecisionHistoryJson {
    const out: DecisionHistoryJson = []
    this.byAgent.forEach((list, agent) => {
      if (list && list.length > 0) out.push([agent, list.map(copyEntry)])
    })
    return out
  }

  /** Rebuild from `toJSON()` output, checked; `at` names where it sits in a document, for the error. */
  static fromJSON(json: unknown, at = 'history'): Result<DecisionHistory> {
    const parsed = decisionHistoryJsonSchema(HISTORY_LENGTH).safeParse(json)
    if (!parsed.success) return err('snapshot.invalid', `the decision history is not valid: ${formatZodIssues(parsed.error.issues.slice(0, 5).map((i) => ({ ...i, path: [at, ...i.path] })))}`)
    const history = new DecisionHistory()
    for (const [agent, entries] of parsed.data) history.byAgent[agent] = entries.map(copyEntry)
    return ok(history)
  }
}

function copyEntry(e: HistoryEntry): HistoryEntry {
  return { ...e, allowed: e.allowed ? [...e.allowed] : null, probabilities: e.probabilities ? e.probabilities.map((p) => ({ ...p })) : null }
}

/** Options the model gave a chance, most probable first (at most `limit`), from O values at `offset`. */
export function rankedProbabilities(probs: ArrayLike<number>, offset = 0, limit: number = AGENT_OPTIONS.length): { option: AgentOption; p: number }[] {
  return AGENT_OPTIONS.map((option, o) => ({ option, p: round(probs[offset + o]!) }))
    .filter((p) => p.p > 0)
    .sort((x, y) => y.p - x.p)
    .slice(0, limit)
}

/** Six decimals: enough for a trace, and stable in JSON. */
export function round(v: number): number {
  return Math.round(v * 1e6) / 1e6
}
