/**
 * The perturbation scheduler's config: shocks the town lives through (price spikes, power and
 * water outages, arranged meetings), drawn at random from the `events` stream within caps, or
 * scheduled and triggered by hand. Each spec is parsed by its `kind` here rather than with a zod
 * union, so a misspelt key inside a spec still gets a "did you mean" hint naming that kind's keys.
 * Unlike the original, a spike target that is no economy key is refused here instead of being
 * silently dropped at run time (its shipped spikes targeted "grocer" and "cafe" and did nothing).
 */
import { z } from 'zod'
import { didYouMean } from '../../../shared/did-you-mean'
import { NOT_PROTOTYPE_NAME, ownValue } from '../../../shared/own-key'
import { tickOfClock } from '../../sim/time/clock'
import { ClockTimeSchema } from './jobs'

/** What a spec does: multiply prices, switch a utility off, or gather agents. */
export const PERTURBATION_KINDS = ['price_spike', 'power_outage', 'water_outage', 'arranged_meet'] as const
export type PerturbationKind = (typeof PERTURBATION_KINDS)[number]

/** Economy keys a spike may multiply, and the groups that name several at once. */
export const SPIKE_KEYS = ['meal_cost', 'ingredients_cost', 'wage_income'] as const
export type SpikeKey = (typeof SPIKE_KEYS)[number]
export const SPIKE_GROUPS: Readonly<Record<string, readonly SpikeKey[]>> = { market: ['meal_cost', 'ingredients_cost'] }
const SPIKE_TARGET_NAMES = [...SPIKE_KEYS, ...Object.keys(SPIKE_GROUPS)]

/** The economy keys a list of spike targets names, each once, in SPIKE_KEYS order. */
export function spikeKeysOf(targets: readonly string[]): SpikeKey[] {
  const named = new Set<string>(targets.flatMap((t): readonly string[] => SPIKE_GROUPS[t] ?? [t]))
  return SPIKE_KEYS.filter((k) => named.has(k))
}

/** Why a spike target is refused (with the fix), or undefined when it names an economy key or group. */
export function spikeTargetProblem(target: string): string | undefined {
  if (SPIKE_TARGET_NAMES.includes(target)) return undefined
  const hint = didYouMean(target, SPIKE_TARGET_NAMES)
  return `"${target}" is not an economy key a spike can raise${hint ? `: did you mean "${hint}"?` : ''} (use ${SPIKE_TARGET_NAMES.map((n) => `"${n}"`).join(', ')}; "market" is meal_cost and ingredients_cost)`
}

const ticks = (max = 1_000_000) => z.number().int().min(0).max(max)
/** A spec name where a spec is referred to (scheduled, buckets): checked against `events` by own key. */
const specRef = z.string().regex(/^[a-z][a-z0-9_]*$/, 'spec names use lowercase letters, digits and "_", starting with a letter')
// Spec names key the engine's cooldown table: `constructor` would read Object there.
const specName = specRef.refine(...NOT_PROTOTYPE_NAME)

/** `n` or `[min, max]`, normalised to `[min, max]`; `min > max` is refused. */
function range(item: z.ZodNumber, what: string) {
  return z
    .union([item, z.tuple([item, item])])
    .transform((v): [number, number] => (typeof v === 'number' ? [v, v] : v))
    .superRefine(([min, max], ctx) => {
      if (min > max) ctx.addIssue({ code: 'custom', message: `${what} [${min}, ${max}] has its minimum above its maximum: write [${max}, ${min}]` })
    })
}

const durationRange = range(z.number().int().min(1, 'a duration is at least 1 tick').max(1_000_000), 'duration')
const magnitudeRange = range(z.number().positive('a magnitude multiplies prices, so it must be above 0 (below 1 lowers them)').max(100), 'magnitude')

/** A time-of-day window ["HH:MM", "HH:MM"] in which a spec may start; an end before the start wraps past midnight. */
const StartWindowSchema = z.tuple([ClockTimeSchema, ClockTimeSchema]).superRefine(([start, end], ctx) => {
  if (start === end) ctx.addIssue({ code: 'custom', message: `the window ${start}–${end} is empty: widen it (an end before the start wraps past midnight) or leave window out to allow any time` })
})

const common = {
  /** Expected random starts per day (spread over the spec's window); 0: only when scheduled or triggered. */
  probability_per_day: z
    .number()
    .min(0, 'probability_per_day is the expected number of random starts a day: 0 or more (0 fires only when scheduled or triggered)')
    .max(1000)
    .default(0),
  /** Ticks after an event of this spec ends before the spec may be drawn again. */
  cooldown_ticks: ticks().default(0),
  duration: durationRange,
  /** Random starts only in this time-of-day window; scheduled and triggered events ignore it. */
  window: StartWindowSchema.optional()
}

/** A price spike: its targets are multiplied by a magnitude drawn from its range while it lasts. */
export const PriceSpikeSpecSchema = z
  .object({
    kind: z.literal('price_spike'),
    ...common,
    /** Economy keys or groups ("market"); each is multiplied by the magnitude while the spike lasts. */
    targets: z
      .array(z.string().max(64))
      .min(1, 'name at least one target: meal_cost, ingredients_cost, wage_income or market')
      .superRefine((targets, ctx) => {
        targets.forEach((t, i) => {
          const problem = spikeTargetProblem(t)
          if (problem) ctx.addIssue({ code: 'custom', path: [i], message: problem })
        })
      }),
    magnitude: magnitudeRange
  })
  .strict()

/** A power or water outage: the utility is off (stoves or showers fail their preconditions) while it lasts. */
export const OutageSpecSchema = (kind: 'power_outage' | 'water_outage') => z.object({ kind: z.literal(kind), ...common }).strict()

/** A meeting: `participants` agents drawn at random are gathered at `location`. */
export const ArrangedMeetSpecSchema = z
  .object({
    kind: z.literal('arranged_meet'),
    ...common,
    /** An object id ("stove_1") or type ("stove"; then the one nearest the first participant). */
    location: z.string().min(1).max(64),
    /** How many agents a random meet gathers (drawn from those not on their per-agent cooldown). */
    participants: z.number().int().min(2, 'a meeting takes at least 2 participants').max(64).default(2)
  })
  .strict()

const SPEC_SCHEMAS = {
  price_spike: PriceSpikeSpecSchema,
  power_outage: OutageSpecSchema('power_outage'),
  water_outage: OutageSpecSchema('water_outage'),
  arranged_meet: ArrangedMeetSpecSchema
} as const

export type PriceSpikeSpec = z.infer<typeof PriceSpikeSpecSchema>
export type OutageSpec = z.infer<ReturnType<typeof OutageSpecSchema>>
export type ArrangedMeetSpec = z.infer<typeof ArrangedMeetSpecSchema>
export type PerturbationSpec = PriceSpikeSpec | OutageSpec | ArrangedMeetSpec

/** `events: name → spec`, each parsed by its kind; issues keep their path under the spec's name. */
const EventSpecsSchema = z.record(specName, z.unknown()).transform((raw, ctx) => {
  const out: Record<string, PerturbationSpec> = {}
  for (const [name, value] of Object.entries(raw)) {
    const kind = (value as { kind?: unknown } | null)?.kind
    // Own keys only: `kind: constructor` is an unknown kind, not Object.
    if (typeof kind !== 'string' || !Object.hasOwn(SPEC_SCHEMAS, kind)) {
      const hint = typeof kind === 'string' ? didYouMean(kind, PERTURBATION_KINDS) : undefined
      const got = kind === undefined ? 'no kind' : `kind ${JSON.stringify(kind)}`
      ctx.addIssue({ code: 'custom', path: [name, 'kind'], message: `spec "${name}" has ${got}${hint ? `: did you mean "${hint}"?` : ''} (kind is one of ${PERTURBATION_KINDS.join(', ')})` })
      continue
    }
    const schema: z.ZodObject = SPEC_SCHEMAS[kind as PerturbationKind]
    const parsed = schema.safeParse(value)
    if (parsed.success) {
      out[name] = parsed.data as PerturbationSpec
      continue
    }
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        const known = Object.keys(schema.shape)
        for (const key of issue.keys) {
          const hint = didYouMean(key, known)
          ctx.addIssue({ code: 'custom', path: [name, ...issue.path, key], message: `unknown key "${key}" for a ${kind}: ${hint ? `did you mean "${hint}"?` : `known keys here: ${known.join(', ')}`}` })
        }
      } else {
        ctx.addIssue({ code: 'custom', path: [name, ...issue.path], message: issue.message })
      }
    }
  }
  return out
})

/** Buckets share out the window's events so one group of specs cannot crowd out the rest. */
const BucketSchema = z
  .object({
    /** Specs in this bucket (a spec is in at most one; specs in none are capped only by the window). */
    specs: z.array(specRef).min(1, 'a bucket holds at least one spec'),
    /** At most floor(share × max_events_per_window) random starts from this bucket per window. */
    share: z.number().gt(0, 'share is a fraction of max_events_per_window above 0').max(1)
  })
  .strict()

/** A fixed event: spec `spec` starts at tick `at_tick`, with optional overrides (as `perturbation_trigger` takes). */
const ScheduledSchema = z
  .object({
    spec: specRef,
    at_tick: z.number().int().min(1).max(100_000_000),
    duration: z.number().int().min(1).max(1_000_000).optional(),
    magnitude: z.number().positive().max(100).optional(),
    /** Price spikes: economy keys or groups; meets: agent ids. */
    targets: z.array(z.string().min(1).max(64)).min(1).optional()
  })
  .strict()

export const PerturbationsSchema = z
  .object({
    /** Random draws never take the number of active events above this (scheduled and triggered ones may). */
    max_concurrent: z.number().int().min(1).max(64).default(1),
    /** Ticks after any event starts before another random one may start, whatever its spec. */
    global_cooldown_ticks: ticks().default(0),
    /** Ticks after a meeting ends before its participants may be drawn into another. */
    per_agent_cooldown_ticks: ticks().default(0),
    /** The rolling window that max_events_per_window and fairness shares count over. */
    window_ticks: z.number().int().min(1).max(1_000_000).default(1440),
    /** Random starts allowed while this many events (of any origin) started within the last window_ticks. */
    max_events_per_window: z.number().int().min(1).max(10_000).default(2),
    /** Exits tied to an event (see exit-suppression) stay suppressed this long after it ends, to recover. */
    exit_grace_ticks: ticks().default(60),
    fairness: z.object({ buckets: z.record(specName, BucketSchema).default({}) }).strict().default({ buckets: {} }),
    events: EventSpecsSchema.default({}),
    scheduled: z.array(ScheduledSchema).default([])
  })
  .strict()
  .superRefine((p, ctx) => {
    const names = Object.keys(p.events)
    const unknownSpec = (name: string) => {
      const hint = didYouMean(name, names)
      return `no spec "${name}" in perturbations.events${hint ? `: did you mean "${hint}"?` : names.length ? ` (defined: ${names.join(', ')})` : ' (define it there first)'}`
    }
    const bucketOf = new Map<string, string>()
    for (const [bucket, b] of Object.entries(p.fairness.buckets)) {
      b.specs.forEach((spec, i) => {
        const path = ['fairness', 'buckets', bucket, 'specs', i]
        if (!Object.hasOwn(p.events, spec)) ctx.addIssue({ code: 'custom', path, message: unknownSpec(spec) })
        else if (bucketOf.has(spec)) ctx.addIssue({ code: 'custom', path, message: `spec "${spec}" is already in bucket "${bucketOf.get(spec)}": a spec belongs to one bucket` })
        else bucketOf.set(spec, bucket)
      })
      if (Math.floor(b.share * p.max_events_per_window) < 1) {
        ctx.addIssue({ code: 'custom', path: ['fairness', 'buckets', bucket, 'share'], message: `share ${b.share} of max_events_per_window ${p.max_events_per_window} allows no event at all: raise the share to at least ${1 / p.max_events_per_window} or raise max_events_per_window` })
      }
    }
    p.scheduled.forEach((s, i) => {
      const spec = ownValue(p.events, s.spec)
      if (!spec) return ctx.addIssue({ code: 'custom', path: ['scheduled', i, 'spec'], message: unknownSpec(s.spec) })
      const problem = overrideProblem(spec, s)
      if (problem) ctx.addIssue({ code: 'custom', path: ['scheduled', i, problem.key], message: problem.message })
    })
  })

export type PerturbationsConfig = z.infer<typeof PerturbationsSchema>

/** Overrides a trigger (scheduled or from the console) may give; targets are agent ids for a meet. */
export interface SpecOverrides {
  duration?: number | undefined
  magnitude?: number | undefined
  targets?: readonly string[] | undefined
}

/** Why overrides do not fit a spec's kind, naming the offending key; shared by config and console. */
export function overrideProblem(spec: PerturbationSpec, o: SpecOverrides): { key: 'magnitude' | 'targets'; message: string } | undefined {
  if (o.magnitude !== undefined && spec.kind !== 'price_spike') return { key: 'magnitude', message: `a ${spec.kind} has no magnitude: only price spikes take one` }
  if (o.targets === undefined) return undefined
  if (spec.kind === 'price_spike') {
    const bad = o.targets.map(spikeTargetProblem).find((p) => p !== undefined)
    return bad ? { key: 'targets', message: bad } : undefined
  }
  if (spec.kind === 'arranged_meet') {
    return o.targets.length < 2 ? { key: 'targets', message: 'a meeting gathers at least 2 agents: name 2 or more agent ids' } : undefined
  }
  return { key: 'targets', message: `a ${spec.kind} affects the whole town and takes no targets: leave targets out` }
}

/** Ticks of the day in which a spec may start at random (the whole day without a window). */
export function windowTicksOf(window: readonly [string, string] | undefined, ticksPerDay: number, tickOf: (clock: string) => number): number {
  if (!window) return ticksPerDay
  return (tickOf(window[1]) - tickOf(window[0]) + ticksPerDay) % ticksPerDay
}

/**
 * Checks that need another section (a day's length is `world.ticks_per_day`): a duration longer
 * than a day, or a window too short for one tick. Shaped as a zod refinement of the whole config.
 */
export function checkPerturbationsAgainstWorld(
  config: { perturbations: PerturbationsConfig; world: { ticks_per_day: number } },
  ctx: { addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void }
): void {
  const tpd = config.world.ticks_per_day
  const tickOf = (clock: string) => tickOfClock(clock, tpd)
  const tooLong = (d: number) => `lasts ${d} ticks, longer than a day (world.ticks_per_day ${tpd}): shorten it to at most ${tpd}`
  for (const [name, spec] of Object.entries(config.perturbations.events)) {
    const path = ['perturbations', 'events', name]
    if (spec.duration[1] > tpd) ctx.addIssue({ code: 'custom', path: [...path, 'duration'], message: `spec "${name}" ${tooLong(spec.duration[1])}` })
    if (spec.window && windowTicksOf(spec.window, tpd, tickOf) === 0) {
      ctx.addIssue({ code: 'custom', path: [...path, 'window'], message: `the window ${spec.window[0]}–${spec.window[1]} is shorter than one tick at ${tpd} ticks a day: widen it` })
    }
  }
  config.perturbations.scheduled.forEach((s, i) => {
    if (s.duration !== undefined && s.duration > tpd) ctx.addIssue({ code: 'custom', path: ['perturbations', 'scheduled', i, 'duration'], message: `this event ${tooLong(s.duration)}` })
  })
}
