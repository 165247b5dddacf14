/**
 * The observer stream: what the renderer needs to draw the town and its people. A full frame on
 * subscribe and after any config load; then diffs, each naming the frame it applies to. Agents and
 * objects travel as columns (observer-columns.ts; version 2), decoded by the client into the rows
 * of observer-parts.ts (observer-decode.ts). Version 1 sent one object per agent.
 */
import { z } from 'zod'
import {
  AgentColumnsSchema,
  ObjectColumnsSchema,
  ObjectStaticsSchema,
  ObserverNamesSchema,
  ReasonsSchema,
  RosterEntriesSchema,
  RosterSchema,
  MAX_OBSERVER_AGENTS,
  MAX_OBSERVER_OBJECTS
} from './observer-columns'
import { EconomyRowSchema, ObserverEventSchema, TownMapSchema, type AgentRow, type ObjectRow } from './observer-parts'
import { SocietyViewSchema } from './society'

export * from './observer-parts'

export const OBSERVER_SCHEMA_VERSION = 2

const int = z.number().int()

const common = {
  schema_version: z.literal(OBSERVER_SCHEMA_VERSION),
  /** Increases by one per frame sent to this client; a diff applies to the frame `base_seq`. */
  seq: int.nonnegative(),
  tick: int.nonnegative(),
  day: int.nonnegative(),
  clock: z.string(),
  economy: EconomyRowSchema,
  /** Notable events since the previous frame (newest last, capped). */
  events: z.array(ObserverEventSchema),
  /** Relationships, rivalry, perturbations, employment exits, KPIs, alerts and narration. */
  society: SocietyViewSchema,
  /** The fail reasons this frame's agents name. */
  reasons: ReasonsSchema
}

export const ObserverFullSchema = z
  .object({
    ...common,
    kind: z.literal('full'),
    config_id: z.string(),
    map: TownMapSchema,
    names: ObserverNamesSchema,
    roster: RosterSchema,
    /** Every agent in town (slots of agents that left are absent). */
    agents: AgentColumnsSchema,
    /** One entry per object slot of names.objects. */
    statics: ObjectStaticsSchema,
    objects: ObjectColumnsSchema
  })
  .superRefine((f, ctx) => {
    const last = f.agents.index[f.agents.index.length - 1]
    if (last !== undefined && last >= f.roster.length) ctx.addIssue({ code: 'custom', path: ['agents', 'index'], message: `names slot ${last} but the roster has ${f.roster.length}` })
    const objects = f.names.objects.length
    for (const key of ['type', 'x', 'y', 'home', 'workplace'] as const) {
      if (f.statics[key].length !== objects) ctx.addIssue({ code: 'custom', path: ['statics', key], message: `has ${f.statics[key].length} values for ${objects} objects` })
    }
    if (f.objects.index.length !== objects) ctx.addIssue({ code: 'custom', path: ['objects', 'index'], message: `a full frame lists every object: ${f.objects.index.length} of ${objects}` })
  })

export const ObserverDiffSchema = z.object({
  ...common,
  kind: z.literal('diff'),
  base_seq: int.nonnegative(),
  /** Slots named since base_seq (arrivals). */
  roster: RosterEntriesSchema,
  /** Agents that changed or arrived since base_seq. */
  agents: AgentColumnsSchema,
  /** Slots of agents that left. */
  removed: z.array(int.min(0).max(MAX_OBSERVER_AGENTS - 1)).max(MAX_OBSERVER_AGENTS),
  objects: ObjectColumnsSchema
})

export const ObserverFrameSchema = z.discriminatedUnion('kind', [ObserverFullSchema, ObserverDiffSchema])
export type ObserverFull = z.infer<typeof ObserverFullSchema>
export type ObserverDiff = z.infer<typeof ObserverDiffSchema>
export type ObserverFrame = z.infer<typeof ObserverFrameSchema>

type Common = Omit<ObserverFull, 'kind' | 'config_id' | 'map' | 'names' | 'roster' | 'agents' | 'statics' | 'objects' | 'reasons'>

/** A full frame decoded: one row per agent and object (what the observer panels read). */
export interface ObserverFullRows extends Common {
  kind: 'full'
  config_id: string
  map: ObserverFull['map']
  agents: AgentRow[]
  objects: ObjectRow[]
}
/** A diff decoded: the rows that changed, the ids that left. */
export interface ObserverDiffRows extends Common {
  kind: 'diff'
  base_seq: number
  agents: AgentRow[]
  removed: string[]
  objects: ObjectRow[]
}
export type ObserverFrameRows = ObserverFullRows | ObserverDiffRows

export { MAX_OBSERVER_AGENTS, MAX_OBSERVER_OBJECTS }
