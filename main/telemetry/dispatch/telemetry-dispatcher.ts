/**
 * Between the StreamEmitter and the TelemetryPipe: the emitter sends here (this is its sink),
 * and every message goes through, in order,
 *   1. the envelope check (always) and, in strict mode, the stream schema — a message that fails
 *      is dropped and counted as rejected, reaching no one;
 *   2. privacy mode (agent ids hashed, name keys dropped: agent-privacy.ts);
 *   3. subscribers of its kind, and `*` subscribers, in the process;
 *   4. the kind filters and field filters, then the pipe, with `seq` renumbered so the stream
 *      the transports carry has no gaps where filters took messages out (a gap downstream is
 *      still a message lost on the way).
 * Subscribers see step 2's view: privacy holds for everything that leaves this object. At the
 * tick's start (setTick) the on-request kinds anyone asked for are built and sent the same way.
 * Nothing here throws into the tick or waits on I/O.
 */
import { ON_REQUEST_KINDS, parseFieldPath, type DispatchBlockConfig, type FieldPath, type OnRequestKind } from '../../config/sections/telemetry-dispatch'
import type { StreamSink } from '../stream/stream-emitter'
import { STREAM_SCHEMA_VERSION, StreamMessageSchema } from '../stream/stream-schema'
import type { TelemetryPipeStatus } from '../transports/telemetry-pipe'
import { AgentPrivacy } from './agent-privacy'
import type { RequestedPayload } from './dispatch-kinds'
import { FieldFilter } from './field-filter'
import { SubscriberRegistry, type DispatchedMessage, type Subscriber } from './subscriber-registry'

/** What makes each on-request kind; a kind without a builder is never made. Returning null skips a build. */
export type RequestedBuilders = { [K in OnRequestKind]?: () => RequestedPayload<K> | null }

export interface TelemetryDispatcherOptions {
  /** Where messages that pass go (the TelemetryPipe). */
  sink: StreamSink
  config: DispatchBlockConfig
  /** The town's agent ids by slot (needed in privacy mode): see AgentPrivacy. */
  agentIds?: () => readonly string[]
  builders?: RequestedBuilders
  /** Tests only: a fixed salt. A run draws its own, and it is never written anywhere. */
  salt?: Buffer
}

/** Counts since the dispatcher was made (JSON-safe). */
export interface DispatchStats {
  /** Messages the emitter sent, plus those built on request. */
  received: number
  /** Handed to the pipe. */
  sent: number
  /** Kept from the transports by the kind filters. */
  filtered: number
  /** Not a stream message (or, in strict mode, not a valid one): dropped. */
  rejected: number
  subscriber_errors: number
  /** On-request builds that threw (the build was skipped). */
  build_errors: number
  built: Record<OnRequestKind, number>
}

export class TelemetryDispatcher implements StreamSink {
  private readonly subscribers = new SubscriberRegistry()
  private readonly privacy: AgentPrivacy | null
  private readonly fields: FieldFilter
  private readonly include: ReadonlySet<string> | null
  private readonly exclude: ReadonlySet<string>
  /** On-request kinds the transports get: `request_kinds`, and any that `include_kinds` names. */
  private readonly forTransports: ReadonlySet<OnRequestKind>
  private readonly stats_: DispatchStats = { received: 0, sent: 0, filtered: 0, rejected: 0, subscriber_errors: 0, build_errors: 0, built: { observation: 0, 'agent.snapshot': 0 } }
  private outSeq = 0
  private delivering = false

  constructor(private readonly opts: TelemetryDispatcherOptions) {
    const { config } = opts
    if (config.privacy && !opts.agentIds) throw new RangeError('privacy mode needs agentIds: the dispatcher hashes the ids it knows')
    this.privacy = config.privacy ? new AgentPrivacy(opts.agentIds!, opts.salt) : null
    this.privacy?.refresh()
    this.fields = new FieldFilter(config.exclude_fields.map(fieldPath))
    this.include = config.include_kinds.length > 0 ? new Set(config.include_kinds) : null
    this.exclude = new Set(config.exclude_kinds)
    this.forTransports = new Set([...config.request_kinds, ...config.include_kinds].filter(isOnRequest).filter((k) => !this.exclude.has(k)))
  }

  /** Listen in the process to `kinds` (`*`: every kind that flows; on-request kinds are built only for a listener that names them). */
  subscribe(kinds: readonly string[] | '*', fn: Subscriber): () => void {
    return this.subscribers.subscribe(kinds, fn)
  }

  /** A new tick begins: learn new agents, then build what was asked for at this tick. */
  setTick(tick: number): void {
    this.opts.sink.setTick(tick)
    this.privacy?.refresh()
    if (tick % this.opts.config.request_every_ticks !== 0) return
    for (const kind of ON_REQUEST_KINDS) if (this.requested(kind)) this.build(kind, tick)
  }

  send(message: unknown): void {
    this.stats_.received++
    const envelope = readEnvelope(message)
    if (envelope === null || this.delivering || (this.opts.config.strict && !StreamMessageSchema.safeParse(message).success)) {
      // A subscriber sending from inside its callback would loop: refused like a malformed message.
      this.stats_.rejected++
      return
    }
    const view = this.privacy ? { ...envelope, payload: this.privacy.apply(envelope.payload) } : envelope
    if (this.subscribers.hears(view.kind)) {
      this.delivering = true
      try {
        this.subscribers.deliver(view)
      } finally {
        this.delivering = false
      }
    }
    if (!this.passes(view.kind)) {
      this.stats_.filtered++
      return
    }
    const payload = this.fields.empty ? view.payload : this.fields.apply(view.kind, view.payload)
    const seq = this.outSeq++
    this.opts.sink.send(payload === view.payload && view.seq === seq ? view : { ...view, seq, payload })
    this.stats_.sent++
  }

  status(): TelemetryPipeStatus {
    return this.opts.sink.status()
  }

  stats(): DispatchStats {
    return { ...this.stats_, subscriber_errors: this.subscribers.errors, built: { ...this.stats_.built } }
  }

  /** The salted hash of an agent id as the stream shows it in privacy mode (undefined: privacy is off, or the id is unknown). */
  hashOf(id: string): string | undefined {
    return this.privacy?.hashOf(id)
  }

  /** An on-request kind is built when the transports get it or a subscriber names it, and there is a builder. */
  private requested(kind: OnRequestKind): boolean {
    return this.opts.builders?.[kind] !== undefined && (this.forTransports.has(kind) || this.subscribers.wants(kind))
  }

  private build(kind: OnRequestKind, tick: number): void {
    let payload: unknown
    try {
      payload = this.opts.builders![kind]!()
    } catch {
      this.stats_.build_errors++
      return
    }
    if (payload === null) return
    this.stats_.built[kind]++
    this.send({ schema_version: STREAM_SCHEMA_VERSION, kind, tick, payload })
  }

  private passes(kind: string): boolean {
    if (this.exclude.has(kind)) return false
    // On-request kinds reach the transports only when the config asked for them there.
    if (isOnRequest(kind)) return this.forTransports.has(kind)
    return this.include === null || this.include.has(kind)
  }
}

const isOnRequest = (kind: string): kind is OnRequestKind => (ON_REQUEST_KINDS as readonly string[]).includes(kind)

/** The envelope fields every message has, or null for something that is not a stream message at all. */
function readEnvelope(message: unknown): DispatchedMessage | null {
  if (message === null || typeof message !== 'object') return null
  const m = message as Partial<DispatchedMessage>
  if (typeof m.kind !== 'string' || typeof m.schema_version !== 'string' || typeof m.tick !== 'number') return null
  return m as DispatchedMessage
}

/** Entries come from a checked config; one that is not a path here is a programming error. */
function fieldPath(entry: string): FieldPath {
  const parsed = parseFieldPath(entry)
  if (typeof parsed === 'string') throw new RangeError(`exclude_fields: ${parsed}`)
  return parsed
}
