/**
 * Builds every living agent's observation after a tick, in ascending slot order, into typed
 * arrays the builder keeps and reuses: at steady state a build allocates nothing but the batch's
 * array views when the agent count changes. The returned batch belongs to the builder and is
 * overwritten by the next build: copy what must outlive it (observation-dto.ts does).
 *
 * Per build: agents that left release their embedding slot (at this tick) before anyone
 * allocates; agents named in this tick's spawn, teleport, respawn, arranged-meet and possession
 * events get ctx_reset_flag = 1; living agents and objects are counted by tile once, so each
 * window reads flat arrays instead of scanning agents.
 */
import type { ObjectStore } from '../../sim/state/object-store'
import { findAgent } from '../../sim/state/agent-store'
import type { SimEvent, World, WorldParams } from '../../sim/state/world'
import { EmbeddingAllocator } from './embedding-allocator'
import type { ObservationBuilderJson, ParsedObservationBuilder } from './observation-builder-json'
import { FeatureWriter } from './feature-writer'
import { IdentityEmbeddings } from './identity-embedding'
import { fillWindow, windowLayout, type WindowLayout } from './map-window'
import { observationSpec, windowOf } from './observation-spec'
import type { ObservationBatch, ObservationSpec } from './observation-types'
import { TileIndex } from './tile-index'

/** The object types a world's observations know: the registry's declared types and any on the map, sorted. */
export function objectTypesOf(world: World): string[] {
  const types = new Set<string>(Object.keys(world.registry.manifest.object_types))
  for (const t of world.state.objects.types) types.add(t)
  return [...types].sort()
}

export class ObservationBuilder {
  readonly spec: ObservationSpec
  allocator: EmbeddingAllocator
  private readonly layout: WindowLayout
  private readonly tiles: TileIndex
  private readonly embeddings: IdentityEmbeddings
  private readonly writer: FeatureWriter
  private readonly objectTypes: readonly string[]
  private readonly summary = new Float64Array(4)
  private params: WorldParams | null = null
  private typedObjects: ObjectStore | null = null
  private objectType = new Int32Array(0)
  /** Pending ctx resets by agent slot, and which slots are set (to clear them after the build). */
  private resetFlags = new Uint8Array(16)
  private resetList: number[] = []
  private capacity = 0
  private agents = new Int32Array(0)
  private map = new Float32Array(0)
  private features = new Float32Array(0)
  private slots = new Int32Array(0)
  private ctx = new Uint8Array(0)
  private batch: ObservationBatch | null = null

  constructor(world: World) {
    const config = world.params.config
    this.objectTypes = objectTypesOf(world)
    this.spec = observationSpec(config, this.objectTypes)
    const o = config.observations
    const compact = this.spec.variant === 'compact'
    this.layout = windowLayout(this.spec.variant, windowOf(config), compact ? this.objectTypes.length : 0, o.compact.normalize_counts)
    this.tiles = new TileIndex(this.layout.types)
    this.embeddings = new IdentityEmbeddings(o.social.embed_dim)
    this.writer = new FeatureWriter(this.spec, config, this.layout, this.embeddings)
    this.allocator = new EmbeddingAllocator(o.embedding.max_slots, o.embedding.cooldown_ticks, o.embedding.reuse_warning_threshold)
  }

  /**
   * What the builder carries from one build to the next: the embedding allocator and the
   * context resets noted by `track` that wait for the next build (by agent slot, ascending).
   * The rest (tiles, landmarks, identity vectors, buffers) is derived from the world.
   */
  toJSON(): ObservationBuilderJson {
    return { allocator: this.allocator.toJSON(), pending_resets: [...this.resetList].sort((x, y) => x - y) }
  }

  /** Take over a saved state (checked by `parseObservationBuilderJson`); resets noted so far are replaced. */
  restore(state: ParsedObservationBuilder): void {
    this.allocator = state.allocator
    for (const i of this.resetList) this.resetFlags[i] = 0
    this.resetList.length = 0
    for (const i of state.pendingResets) this.markReset(i)
  }

  /**
   * Observations of every living agent after the tick just run.
   * @param events that tick's events (or every event since the last build, when builds skip ticks)
   */
  build(world: World, events: readonly SimEvent[]): ObservationBatch {
    this.prepare(world)
    const tick = world.state.tick
    const a = world.state.agents.cols
    this.releaseLeavers(world, tick)
    this.noteResets(world, events)
    const n = world.state.agents.count
    let count = 0
    for (let i = 0; i < n; i++) if (a.alive[i] === 1) count++
    this.ensureCapacity(count)
    this.tiles.fill(world, this.objectType)
    this.writer.prepare(world)
    const { mapSize, featureSize } = this.spec
    const blocked = world.params.blocked
    const context = { slotNorm: -1, ctxReset: 0, summary: this.summary }
    let row = 0
    for (let i = 0; i < n; i++) {
      if (a.alive[i] !== 1) continue
      const slot = this.allocator.allocate(i, tick)
      const reset = i < this.resetFlags.length ? this.resetFlags[i]! : 0
      this.agents[row] = i
      this.slots[row] = slot
      this.ctx[row] = reset
      fillWindow(this.layout, this.tiles, blocked, a.x[i]!, a.y[i]!, this.map, row * mapSize, this.summary)
      context.slotNorm = slot < 0 ? -1 : slot / this.allocator.maxSlots
      context.ctxReset = reset
      this.writer.write(world, i, this.features, row * featureSize, context)
      row++
    }
    for (const i of this.resetList) this.resetFlags[i] = 0
    this.resetList.length = 0
    return this.viewOf(tick, count)
  }

  /**
   * Keep slots and resets current without building (the model is off this tick): leavers release,
   * the living allocate, and resets wait for the next build ("reset since its last observation").
   */
  track(world: World, events: readonly SimEvent[]): void {
    const tick = world.state.tick
    const a = world.state.agents.cols
    this.releaseLeavers(world, tick)
    this.noteResets(world, events)
    for (let i = 0; i < world.state.agents.count; i++) if (a.alive[i] === 1) this.allocator.allocate(i, tick)
  }

  /** Per-world caches: rebuilt when the world is another one (a new run or a restored snapshot). */
  private prepare(world: World): void {
    const { params } = world
    if (params !== this.params) {
      this.params = params
      this.embeddings.clear()
    }
    this.tiles.resize(params.map.width, params.map.height)
    const objects = world.state.objects
    if (objects !== this.typedObjects || this.objectType.length !== objects.count) {
      this.typedObjects = objects
      const index = new Map(this.objectTypes.map((t, k) => [t, k]))
      this.objectType = Int32Array.from({ length: objects.count }, (_, k) => index.get(objects.types[k] ?? '') ?? -1)
    }
  }

  /**
   * Release the slots of agents no longer alive (agent_exit, agent_killed, or any other way out),
   * at this tick. Swept over the allocator's holders rather than read from events, so a build that
   * skipped ticks still releases everyone who left.
   */
  private releaseLeavers(world: World, tick: number): void {
    const alive = world.state.agents.cols.alive
    const gone: number[] = []
    for (const i of this.allocator.holders()) if (alive[i] !== 1) gone.push(i)
    for (const i of this.allocator.waitingAgents()) if (alive[i] !== 1) gone.push(i)
    if (gone.length === 0) return
    gone.sort((x, y) => x - y)
    for (const i of gone) this.allocator.release(i, tick)
  }

  private noteResets(world: World, events: readonly SimEvent[]): void {
    const mark = (id: string) => {
      const i = findAgent(world.state.agents, id)
      if (i >= 0) this.markReset(i)
    }
    // Events whose named agents start a new context (their history no longer describes them).
    for (const e of events) {
      switch (e.type) {
        case 'agent_spawned':
        case 'agent_teleported':
        case 'agent_respawn':
        case 'policy.possession':
          mark(e.agent_id)
          break
        case 'arranged_meet':
          for (const id of e.agents) mark(id)
          break
      }
    }
  }

  private markReset(i: number): void {
    if (i >= this.resetFlags.length) {
      const grown = new Uint8Array(Math.max(i + 1, this.resetFlags.length * 2))
      grown.set(this.resetFlags)
      this.resetFlags = grown
    }
    if (this.resetFlags[i] === 0) this.resetList.push(i)
    this.resetFlags[i] = 1
  }

  private ensureCapacity(count: number): void {
    if (count <= this.capacity) return
    const cap = Math.max(count, this.capacity * 2, 16)
    this.capacity = cap
    this.agents = new Int32Array(cap)
    this.map = new Float32Array(cap * this.spec.mapSize)
    this.features = new Float32Array(cap * this.spec.featureSize)
    this.slots = new Int32Array(cap)
    this.ctx = new Uint8Array(cap)
    this.batch = null
  }

  /** The batch as views of exactly `count` rows; the same object while the count and buffers stay. */
  private viewOf(tick: number, count: number): ObservationBatch {
    if (!this.batch || this.batch.count !== count) {
      this.batch = {
        spec: this.spec,
        tick,
        count,
        agents: this.agents.subarray(0, count),
        map: this.map.subarray(0, count * this.spec.mapSize),
        features: this.features.subarray(0, count * this.spec.featureSize),
        embeddingSlots: this.slots.subarray(0, count),
        ctxReset: this.ctx.subarray(0, count)
      }
    }
    this.batch.tick = tick
    return this.batch
  }
}
