/**
 * The decision records and the decision history as a snapshot carries them (what the inspector's
 * decision trace and the policy panel show about past decisions), checked on the way back in:
 * options and deciders by name or index in range, probabilities in [0, 1], masks of 0 and 1, one
 * entry per agent slot in ascending order, bounded lengths.
 */
import { z } from 'zod'
import { AGENT_OPTIONS, AgentOptionSchema } from '../../../shared/contract/dto/world-summary'
import { DecidedBySchema, type DecisionTrace } from '../../../shared/contract/dto/policy'

type HistoryEntry = DecisionTrace['history'][number]

const O = AGENT_OPTIONS.length
/** Agent slots (the runtime checks them against the world's count). */
const slot = z.number().int().min(0).max(1_000_000)
const tick = z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER)
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
const probability = z.number().min(0).max(1)
const reason = z.string().max(256)
const byDecider = z.tuple([count, count, count])

/** Slots listed once each, ascending. */
function ascending<T>(slotOf: (item: T) => number) {
  return (items: T[], ctx: z.RefinementCtx) => {
    for (let k = 1; k < items.length; k++) {
      if (slotOf(items[k - 1]!) >= slotOf(items[k]!)) ctx.addIssue({ code: 'custom', path: [k], message: 'agent slots must be listed once each, in ascending order' })
    }
  }
}

export const DecisionRecordJsonSchema = z
  .object({
    slot,
    /** 0 scripted, 1 learned, 2 operator (DECIDERS). */
    by: z.number().int().min(0).max(2),
    tick,
    /** AGENT_OPTIONS index. */
    chosen: z.number().int().min(0).max(O - 1),
    held: z.boolean(),
    /** null: no anneal draw was needed. */
    draw: z.number().min(0).max(1).nullable(),
    probs: z.array(probability).length(O).nullable(),
    mask: z.array(z.union([z.literal(0), z.literal(1)])).length(O).nullable(),
    guardrail: reason.nullable()
  })
  .strict()
export type DecisionRecordJson = z.infer<typeof DecisionRecordJsonSchema>

export const DecisionRecordsJsonSchema = z
  .object({
    /** Decisions per decider (scripted, learned, operator) in the last round and overall. */
    last_tick: byDecider,
    total: byDecider,
    agents: z.array(DecisionRecordJsonSchema).max(1_000_000).superRefine(ascending((r) => r.slot))
  })
  .strict()
export type DecisionRecordsJson = z.infer<typeof DecisionRecordsJsonSchema>

/** At most `HISTORY_LENGTH` (16) entries are kept per agent; a little slack is refused all the same. */
const HistoryEntrySchema = z
  .object({
    tick: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    decided_by: DecidedBySchema,
    chosen: AgentOptionSchema,
    held: z.boolean(),
    anneal_draw: z.number().min(0).max(1).nullable(),
    guardrail: reason.nullable(),
    allowed: z.array(AgentOptionSchema).max(O).nullable(),
    probabilities: z.array(z.object({ option: AgentOptionSchema, p: probability }).strict()).max(O).nullable()
  })
  .strict()

export function decisionHistoryJsonSchema(length: number) {
  return z.array(z.tuple([slot, z.array(HistoryEntrySchema).min(1).max(length)])).max(1_000_000).superRefine(ascending(([s]) => s))
}
/** `[agent slot, entries oldest first]`, ascending slots. */
export type DecisionHistoryJson = [number, HistoryEntry[]][]

// The saved entry is the trace's own history entry: a change there must show up here.
const entryIsHistory = (e: z.infer<typeof HistoryEntrySchema>): HistoryEntry => e
void entryIsHistory
