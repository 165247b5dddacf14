/**
 * Edits of a shard config's social reward stage and schedule, on the YAML Document (not on parsed
 * data), so comments, key order and flow style survive, then laid back onto the original text so
 * only the edited lines change (yaml-keep-layout.ts). Pure text in, text out; the command
 * validates the result with the real loader before writing it.
 */
import { isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml'
import { SOCIAL_STAGES, type SocialStage } from '../config/sections/rewards'
import { UsageError } from './cli-io'
import { applyKeepingLayout, replaceScalar } from './yaml-keep-layout'

const STAGE_PATH = ['features', 'stages', 'social_rewards'] as const
const SCHEDULE_PATH = ['rewards', 'social_schedule'] as const

export interface StageEdit {
  text: string
  /** One line per change, e.g. `features.stages.social_rewards: OFF → C2`. */
  changes: string[]
  /** False when the file had to be re-rendered whole (comments kept, spacing normalised). */
  layoutKept: boolean
}

/** A stage name as typed (any case) → the stage, or a usage error listing the valid ones. */
export function parseStage(raw: string): SocialStage {
  const stage = raw.trim().toUpperCase()
  if ((SOCIAL_STAGES as readonly string[]).includes(stage)) return stage as SocialStage
  throw new UsageError(`unknown stage "${raw}": use one of ${SOCIAL_STAGES.join(', ')}`)
}

/** `CYCLE:STAGE` (e.g. `2:C1`) → a schedule step. */
export function parseStep(raw: string): { cycle: number; stage: SocialStage } {
  const m = /^\s*(\d{1,7}):(\w+)\s*$/.exec(raw)
  if (!m) throw new UsageError(`--add takes CYCLE:STAGE, such as 2:C1 (a day number, then one of ${SOCIAL_STAGES.join(', ')}); got "${raw}"`)
  return { cycle: Number(m[1]), stage: parseStage(m[2]!) }
}

export function setStage(text: string, stage: SocialStage): StageEdit {
  const doc = load(text)
  const before = doc.getIn(STAGE_PATH)
  const shown = before === undefined ? 'OFF (default)' : String(before)
  if (before === stage) return { text, changes: [], layoutKept: true }
  const changes = [`${STAGE_PATH.join('.')}: ${shown} → ${stage}`]
  // Usually the key is there: change just its value, in place.
  const spliced = replaceScalar(text, doc, STAGE_PATH, stage)
  if (spliced !== undefined) return { text: spliced, changes, layoutKept: true }
  doc.setIn(STAGE_PATH, stage)
  return { ...applyKeepingLayout(text, doc), changes }
}

export interface ScheduleChange {
  add: { cycle: number; stage: SocialStage }[]
  remove: number[]
  clear: boolean
}

/** The schedule as `cycle N: STAGE` / `from tick T: STAGE` lines, in file order. */
export function describeSchedule(text: string): string[] {
  const seq = scheduleSeq(load(text), false)
  return seq ? seq.items.map(describeStep) : []
}

export function editSchedule(text: string, change: ScheduleChange): StageEdit {
  const doc = load(text)
  const changes: string[] = []
  if (change.clear) {
    const seq = scheduleSeq(doc, false)
    if (seq && seq.items.length > 0) changes.push(`cleared ${seq.items.length} step${seq.items.length === 1 ? '' : 's'}`)
    if (seq) doc.deleteIn(SCHEDULE_PATH)
  }
  for (const cycle of change.remove) {
    const seq = scheduleSeq(doc, false)
    const at = seq ? seq.items.findIndex((item) => cycleOf(item) === cycle) : -1
    if (!seq || at < 0) throw new UsageError(`the schedule has no step for cycle ${cycle}: see \`townlet config schedule --config F\` for its steps`)
    changes.push(`removed cycle ${cycle}: ${String(stageOf(seq.items[at]))}`)
    seq.items.splice(at, 1)
  }
  for (const step of change.add) {
    const seq = scheduleSeq(doc, true)!
    const at = seq.items.findIndex((item) => cycleOf(item) === step.cycle)
    if (at >= 0) {
      const item = seq.items[at] as YAMLMap
      const before = stageOf(item)
      if (before === step.stage) continue
      item.set('stage', step.stage)
      changes.push(`cycle ${step.cycle}: ${String(before)} → ${step.stage}`)
      continue
    }
    const node = doc.createNode({ cycle: step.cycle, stage: step.stage }) as YAMLMap
    node.flow = true
    // Keep cycle steps in day order for whoever reads the file next; order does not change meaning.
    const later = seq.items.findIndex((item) => (cycleOf(item) ?? -1) > step.cycle)
    seq.items.splice(later < 0 ? seq.items.length : later, 0, node)
    changes.push(`added cycle ${step.cycle}: ${step.stage}`)
  }
  return changes.length === 0 ? { text, changes, layoutKept: true } : { ...applyKeepingLayout(text, doc), changes }
}

function load(text: string): Document {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) throw new UsageError(`the config is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`)
  return doc
}

function scheduleSeq(doc: Document, create: boolean): YAMLSeq | undefined {
  const node = doc.getIn(SCHEDULE_PATH, true)
  if (node === undefined) {
    if (!create) return undefined
    const seq = doc.createNode([]) as YAMLSeq
    doc.setIn(SCHEDULE_PATH, seq)
    return seq
  }
  if (!isSeq(node)) throw new UsageError(`${SCHEDULE_PATH.join('.')} is not a list: fix it by hand (a list of { cycle: N, stage: C1 } steps) or pass --clear`)
  return node
}

function cycleOf(item: unknown): number | undefined {
  if (!isMap(item)) return undefined
  const v = item.get('cycle')
  return typeof v === 'number' ? v : undefined
}

function stageOf(item: unknown): unknown {
  return isMap(item) ? item.get('stage') : undefined
}

function describeStep(item: unknown): string {
  if (!isMap(item)) return String(item)
  const cycle = item.get('cycle')
  const from = item.get('from_tick')
  return `${cycle !== undefined ? `cycle ${String(cycle)}` : `from tick ${String(from)}`}: ${String(item.get('stage'))}`
}
