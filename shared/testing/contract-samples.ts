/**
 * Contract-valid sample DTOs for unit tests on every side (host, Electron glue, renderer), so a
 * change to a DTO is mended in one place.
 */
import type { ConfigSummary } from '../contract/dto/config-summary'
import { FRAME_SCHEMA_VERSION, type Frame } from '../contract/dto/frame'
import type { ShardStatus } from '../contract/dto/shard-status'
import { emptyWorldSummary } from '../contract/dto/world-summary'
import type { ConsoleResult, ConsoleSession } from '../contract/dto/console'
import { OBSERVER_SCHEMA_VERSION, type AgentRow, type EconomyRow, type ObserverFull, type ObserverFullRows } from '../contract/dto/observer'
import { namesFromRows, ObserverRowsEncoder } from '../contract/dto/observer-encode'
import type { AgentDetail, SocietyView } from '../contract/dto/society'
import type { DecisionTrace, PolicyStatus } from '../contract/dto/policy'
import type { MigrationPreview, SnapshotDiffDto, SnapshotEntry, SnapshotInspection, SnapshotList, SnapshotVerdict } from '../contract/dto/snapshots'
import type { TimelineFrame, TimelineStatus } from '../contract/dto/timeline'

export const sampleConfig: ConfigSummary = {
  config_id: 'default-v1',
  seed: 42,
  tick_ms: 100,
  ticks_per_day: 1440,
  start_time: '06:00',
  source: 'embedded:default',
  sha256: 'a'.repeat(64)
}

export function sampleStatus(overrides: Partial<ShardStatus> = {}): ShardStatus {
  return { state: 'idle', tick: 0, speed: 10, measured_tps: 0, config: sampleConfig, restarts: 0, stepping: null, last_snapshot: null, tick_histogram: null, ...overrides }
}

export function sampleFrame(frameSeq: number, status: Partial<ShardStatus> = {}, agents = 0): Frame {
  return { schema_version: FRAME_SCHEMA_VERSION, frame_seq: frameSeq, status: sampleStatus(status), world: { ...emptyWorldSummary(), agents } }
}

export const sampleSession: ConsoleSession = { role: 'viewer', admin_available: true, issuer: 'window 1' }

export function sampleConsoleResult(overrides: Partial<ConsoleResult> = {}): ConsoleResult {
  return { cmd_id: 'c-1', name: 'help', status: 'ok', tick: 0, issuer: 'window 1', role: 'viewer', replayed: false, result: {}, ...overrides }
}

export function sampleEconomy(): EconomyRow {
  return {
    prices: { meal_cost: 0.4, ingredients_cost: 0.15, wage_income: 0.02 },
    utilities: { power: true, water: true },
    queue_counters: { cooldown_events: 0, ghost_step_events: 0, rotation_events: 0 },
    stock_by_type: { fridge: { meals: 4 } },
    restock_interval_ticks: 200,
    jobs: []
  }
}

export function sampleAgentRow(overrides: Partial<AgentRow> = {}): AgentRow {
  return {
    id: 'alice',
    x: 2,
    y: 1,
    hunger: 0.8,
    hygiene: 0.7,
    energy: 0.6,
    wallet: 5,
    option: 'idle',
    phase: 'arrived',
    target: null,
    action: null,
    queue_pos: null,
    home: 'house',
    job: null,
    shift: 'off',
    fail_reason: '',
    ...overrides
  }
}

/** A 5×3 room with a fridge and one agent, as a client reads it (rows). */
export function sampleObserverFullRows(seq = 0, agents: AgentRow[] = [sampleAgentRow()]): ObserverFullRows {
  return {
    schema_version: OBSERVER_SCHEMA_VERSION,
    kind: 'full',
    seq,
    tick: 0,
    day: 0,
    clock: '06:00',
    config_id: 'sample',
    economy: sampleEconomy(),
    events: [],
    society: sampleSociety(),
    map: { width: 5, height: 3, rows: ['#####', '#...#', '#####'], homes: [{ id: 'house', x: 1, y: 1, w: 3, h: 1 }], workplaces: [] },
    agents,
    objects: [{ id: 'fridge_1', type: 'fridge', x: 3, y: 1, home: 'house', workplace: null, holder: null, queue: [], running: null, remaining: 0, stock: { meals: 4 } }]
  }
}

/** Affordances the samples' rows may name. */
export const SAMPLE_AFFORDANCES = ['eat_meal', 'cook_meal', 'shower', 'rest_sleep', 'work_shift']

/** The same town as the wire carries it (columns). */
export function sampleObserverFull(seq = 0, agents: AgentRow[] = [sampleAgentRow()]): ObserverFull {
  return encodeSampleFull(sampleObserverFullRows(seq, agents))
}

/** Any town of rows as the wire carries it (its dictionaries taken from the rows). */
export function encodeSampleFull(rows: ObserverFullRows): ObserverFull {
  const encoder = new ObserverRowsEncoder()
  encoder.reset(namesFromRows(rows, SAMPLE_AFFORDANCES))
  return encoder.full(rows)
}

/** A quiet society: no alerts, nothing pending, one rivalry. */
export function sampleSociety(overrides: Partial<SocietyView> = {}): SocietyView {
  return {
    kpis: null,
    alerts: [],
    promotion: { windows: [], candidate_ready: false },
    narrations: [],
    perturbations: { active: [], pending: [], cooldowns: [], specs: [] },
    employment: { pending: [], exits_today: 0, daily_exit_cap: 2 },
    conflict: {
      fairness: { queue_conflicts: 0, ghost_step_events: 0, rotation_events: 0, cooldown_events: 0 },
      rivalry_leaderboard: [{ a: 'alice', b: 'bob', value: 0.3, last_tick: null }],
      rivalry_events: [],
      contention: []
    },
    rewards: { mean_total: 0, components: {} },
    ...overrides
  }
}

export function sampleAgentDetail(id = 'alice'): AgentDetail {
  return {
    id,
    personality: { profile: 'balanced', extroversion: 0, forgiveness: 0, ambition: 0 },
    ties: [{ other: 'bob', trust: 0.2, familiarity: 0.4, rivalry: 0.3 }],
    reward: { total: -0.05, components: { survival: 0.002, needs_penalty: -0.052 }, episode_total: -1.2 }
  }
}

/** A learned policy at anneal 0.5 on the CPU, with two swappable models and one possessed agent. */
export function samplePolicyStatus(overrides: Partial<PolicyStatus> = {}): PolicyStatus {
  return {
    identity: {
      backend: 'onnx',
      policy_hash: 'ab'.repeat(32),
      model: 'release.onnx',
      execution_provider: 'cpu',
      observation_variant: 'hybrid',
      anneal_ratio: 0.5,
      option_set: ['idle', 'eat', 'cook', 'shower', 'sleep', 'work', 'socialise']
    },
    notice: null,
    anneal_schedule: [{ tick: 500, ratio: 0.75 }],
    commit_ticks: 8,
    possessed: ['bob'],
    decisions: { last_tick: { scripted: 1, learned: 2, operator: 1 }, total: { scripted: 40, learned: 55, operator: 3 } },
    latency: {
      last_ms: 0.8,
      mean_ms: 0.9,
      p95_ms: 1.4,
      history: [
        { tick: 1, ms: 1.1, batch: 4 },
        { tick: 2, ms: 0.8, batch: 4 }
      ]
    },
    embedding: { max_slots: 64, in_use: 4, allocations_total: 5, forced_reuse_count: 0, forced_reuse_rate: 0, reuse_warning: false, without_slot: 0, cooldown_ticks: 2000 },
    models: [
      { path: 'configs/policies/release.onnx', name: 'release.onnx', sha256: 'ab'.repeat(32), accuracy: 0.93, observation_variant: 'hybrid' },
      { path: 'configs/policies/candidate.onnx', name: 'candidate.onnx', sha256: 'cd'.repeat(32), accuracy: 0.88, observation_variant: 'hybrid' }
    ],
    ...overrides
  }
}

/** A learned decision to eat: a 2-channel 3×3 map (the agent in the centre), three features, the fridge allowed. */
export function sampleDecisionTrace(id = 'alice', overrides: Partial<DecisionTrace> = {}): DecisionTrace {
  return {
    agent: id,
    tick: 12,
    decided_by: 'learned',
    chosen: 'eat',
    commitment: { option: 'eat', since: 12, remaining: 7, held: false },
    features: [
      { name: 'need_hunger', value: 0.31 },
      { name: 'need_energy', value: 0.8 },
      { name: 'wallet', value: 2.5 }
    ],
    map: { shape: [2, 3, 3], channels: ['self', 'objects'], data: [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0] },
    mask: [
      { option: 'idle', allowed: true },
      { option: 'eat', allowed: true },
      { option: 'cook', allowed: false },
      { option: 'shower', allowed: true },
      { option: 'sleep', allowed: true },
      { option: 'work', allowed: false },
      { option: 'socialise', allowed: false }
    ],
    probabilities: [
      { option: 'eat', p: 0.7 },
      { option: 'sleep', p: 0.2 },
      { option: 'idle', p: 0.06 },
      { option: 'shower', p: 0.04 }
    ],
    anneal_draw: 0.31,
    guardrail: null,
    history: [
      { tick: 12, decided_by: 'learned', chosen: 'eat', held: false, anneal_draw: 0.31, guardrail: null, allowed: ['idle', 'eat', 'shower', 'sleep'], probabilities: [{ option: 'eat', p: 0.62 }, { option: 'idle', p: 0.3 }, { option: 'sleep', p: 0.08 }] },
      { tick: 3, decided_by: 'scripted', chosen: 'work', held: false, anneal_draw: 0.8, guardrail: null, allowed: null, probabilities: null }
    ],
    embedding_slot: 0,
    ...overrides
  }
}

export function sampleSnapshotEntry(overrides: Partial<SnapshotEntry> = {}): SnapshotEntry {
  return {
    name: 'snapshot-120-0123abcd.json',
    tick: 120,
    config_id: sampleConfig.config_id,
    policy_hash: null,
    schema_version: '2.0',
    bytes: 4096,
    modified_ms: 1_700_000_000_000,
    gzip: false,
    autosave: false,
    kind: 'snapshot',
    integrity: { ok: true },
    ...overrides
  }
}

export const sampleSnapshotList = (): SnapshotList => ({ root: 'snapshots', snapshots: [sampleSnapshotEntry()] })

export function sampleSnapshotInspection(): SnapshotInspection {
  return {
    entry: sampleSnapshotEntry(),
    identity: { config_id: sampleConfig.config_id, policy_hash: null, backend: 'scripted', provider: null, observation_variant: 'hybrid', anneal_ratio: null, rng: { world: '0'.repeat(16), events: '1'.repeat(16), policy: '2'.repeat(16) } },
    checksum: 'c'.repeat(64),
    migrations: [],
    counts: { agents: 8 }
  }
}

export const sampleSnapshotVerdict = (): SnapshotVerdict => ({ verdict: 'ok', reasons: [], required_migrations: [] })
export const sampleSnapshotDiff = (): SnapshotDiffDto => ({ a: 'a.json', b: 'b.json', sections: [{ section: 'agents', added: 0, changed: 1, dropped: 0, examples: [] }] })
export const sampleMigrationPreview = (): MigrationPreview => ({ source: 'a.json', target_config_id: sampleConfig.config_id, chain: [], diff: sampleSnapshotDiff(), report: [] })

export function sampleTimelineStatus(overrides: Partial<TimelineStatus> = {}): TimelineStatus {
  return {
    earliest_tick: 0,
    live_tick: 120,
    keyframe_every: 100,
    keyframes: 2,
    bytes: 65_536,
    byte_budget: 256 * 1024 * 1024,
    branches: [{ id: 'b1', label: 'main', from_tick: 0, to_tick: 120, current: true }],
    marks: [{ tick: 40, kind: 'console', label: 'set_wallet' }],
    ...overrides
  }
}

export const sampleTimelineFrame = (tick = 40): TimelineFrame => ({ tick, hash: 'd'.repeat(64), frame: { ...sampleObserverFull(), tick }, events: { 'agent.moved': 3 } })
