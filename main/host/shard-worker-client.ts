/**
 * The host's side of the shard worker: spawns the thread, numbers requests, matches replies,
 * forwards frames and logs, and turns any death of the thread into one failure report.
 */
import { Worker } from 'node:worker_threads'
import type { LogLevel } from '../../shared/contract/dto/events'
import type { LoopFailure } from '../../shared/contract/dto/events'
import type { ErrorCode } from '../../shared/error-codes'
import { err, type Result } from '../../shared/result'
import {
  SNAPSHOT_REPLIES,
  TIMELINE_REPLIES,
  WorkerToHostSchema,
  type HostRequest,
  type ShardViewDto,
  type SnapshotOp,
  type SnapshotReply,
  type SnapshotRequest,
  type StepOutcomeDto,
  type TimelineOp,
  type TimelineReply,
  type TimelineRequest,
  type WorkerToHost
} from '../shard/protocol'
import { formatZodIssues } from '../../shared/zod-issues'
import type { ObserverFrame } from '../../shared/contract/dto/observer'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import type { AgentDetail } from '../../shared/contract/dto/society'
import type { DecisionTrace, PolicyStatus } from '../../shared/contract/dto/policy'
import type { ConsoleEnvelope } from '../console/envelope'
import { ADMIN_TOKEN_ENV } from './admin-token'
import { TOWN_BUILD_DEADLINE_MS } from './town-build-deadline'

/** Requests that build a whole town: a config that passed its check in time is given as long to build. */
const BUILDS_A_TOWN: ReadonlySet<HostRequest['type']> = new Set(['init', 'load-config'])

export interface ShardWorkerOptions {
  workerPath: string
  onFrame(view: ShardViewDto): void
  /** Observer stream frames (full after a load, then diffs). */
  onObserver?(frame: ObserverFrame): void
  /** A log line; `detail` (a stack trace) is for the host's own log, not every client. */
  onLog(level: LogLevel, message: string, detail?: string): void
  /** Called once if the thread dies or throws; every pending request is answered `shard.crashed`. */
  onFailure(failure: LoopFailure): void
  /** How long a request may wait for its reply before it is answered `shard.timeout` (building a town: at least the config check's deadline). */
  requestTimeoutMs?: number
  /** Final results of queued console commands. */
  onConsoleResult?(result: ConsoleResult): void
  /** A reply said the observer frame for its change follows it (the worker sends it after). */
  onFrameFollows?(): void
  /** A snapshot file appeared without a request (an autosave). */
  onSnapshotStored?(name: string, reason: 'autosaved'): void
  /** A batch of telemetry stream messages (the worker sends the next once `notify({type: 'telemetry-ack'})`). */
  onTelemetry?(batch: TelemetryBatch): void
}

export type TelemetryBatch = Omit<Extract<WorkerToHost, { type: 'telemetry-batch' }>, 'type'>
/** Messages to the worker that are never answered. */
export type WorkerNotice = Extract<HostRequest, { type: 'telemetry' | 'telemetry-ack' | 'telemetry-status' }>

/** Snapshot requests that read a whole file and build a town: given as long as a config load. */
const SNAPSHOT_BUILDS: ReadonlySet<SnapshotOp> = new Set(['load', 'migrate', 'migrate-preview', 'validate'])
/** Timeline requests that rebuild the town (through the model, when one decided): given as long as a config load. */
const TIMELINE_BUILDS: ReadonlySet<TimelineOp> = new Set(['fork', 'reopen'])

interface Pending {
  resolve(result: Result<ShardViewDto>): void
  timer: NodeJS.Timeout
}

export class ShardWorkerClient {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  /**
   * Queries answered by their own reply type (a ConsoleResult, an agent's detail, a step's
   * outcome), not by a view. `arm` (re)starts the timeout: a step's progress messages re-arm it,
   * so a long step that is still working is never answered `shard.timeout`.
   */
  private readonly queries = new Map<number, { resolve(result: Result<unknown>): void; timer: NodeJS.Timeout; arm(): void }>()
  private nextSeq = 1
  private dead = false
  private terminating = false
  private lastTick: number | null = null

  constructor(private readonly options: ShardWorkerOptions) {
    this.worker = new Worker(options.workerPath, { stderr: false, stdout: false, env: workerEnv() })
    this.worker.on('message', (raw: unknown) => this.receive(raw))
    this.worker.on('error', (e) => this.fail({ reason: e.message, tick: this.lastTick, exit_code: null, autosave: null, ...(e.stack ? { stack: e.stack } : {}) }))
    this.worker.on('exit', (code) => {
      if (!this.terminating) this.fail({ reason: `the shard worker exited unexpectedly with code ${code}`, tick: this.lastTick, exit_code: code, autosave: null })
    })
  }

  get alive(): boolean {
    return !this.dead
  }

  request(message: HostRequest): Promise<Result<ShardViewDto>> {
    if (this.dead) return Promise.resolve(err('shard.crashed', 'the shard worker is not running; restart it to continue'))
    const seq = this.nextSeq++
    return new Promise((resolve) => {
      const requestMs = this.options.requestTimeoutMs ?? 15_000
      const timeoutMs = BUILDS_A_TOWN.has(message.type) ? Math.max(requestMs, TOWN_BUILD_DEADLINE_MS) : requestMs
      const timer = setTimeout(() => {
        this.pending.delete(seq)
        resolve(err('shard.timeout', `the shard did not answer '${message.type}' within ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(seq, { resolve, timer })
      this.worker.postMessage({ ...message, seq })
    })
  }

  /** Send an operator command; its answer is the ConsoleResult (final, or `queued`). */
  console(envelope: ConsoleEnvelope): Promise<Result<ConsoleResult>> {
    return this.query({ type: 'console', envelope }, `console command '${envelope.name}'; it may still apply: check with its cmd_id`)
  }

  /** One agent in depth (relationships, reward), for the inspector. */
  agentDetail(id: string): Promise<Result<AgentDetail>> {
    return this.query({ type: 'agent-detail', id }, `the detail of agent '${id}'`)
  }

  /** The policy runtime's status (the host adds the swappable models). */
  policyStatus(): Promise<Result<Omit<PolicyStatus, 'models'>>> {
    return this.query({ type: 'policy-status' }, 'the policy status')
  }

  /** One agent's latest decision trace. */
  policyTrace(id: string): Promise<Result<DecisionTrace>> {
    return this.query({ type: 'policy-trace', id }, `the decision trace of agent '${id}'`)
  }

  /** Pause, then advance `ticks` ticks; answered with how far it got, however long it takes while it reports progress. */
  step(ticks: number): Promise<Result<StepOutcomeDto>> {
    return this.query({ type: 'step', ticks }, `the step of ${ticks} ticks (it reported no progress)`)
  }

  /**
   * A snapshot request, answered with its op's reply (checked here against SNAPSHOT_REPLIES: a
   * reply that does not fit is `ipc.invalid_response`); the worker does the file work.
   */
  async snapshot<R extends SnapshotRequest>(request: R): Promise<Result<SnapshotReply<R['op']>>> {
    const requestMs = this.options.requestTimeoutMs ?? 15_000
    const timeoutMs = SNAPSHOT_BUILDS.has(request.op) ? Math.max(requestMs, TOWN_BUILD_DEADLINE_MS) : requestMs
    const reply = await this.query<unknown>({ type: 'snapshot', request }, `the snapshot ${request.op}`, timeoutMs)
    if (!reply.ok) return reply
    const parsed = SNAPSHOT_REPLIES[request.op].safeParse(reply.value)
    if (!parsed.success) return err('ipc.invalid_response', `the shard's answer to snapshot ${request.op} is malformed: ${formatZodIssues(parsed.error.issues.slice(0, 3))}`)
    if (request.op === 'load') this.lastTick = (parsed.data as ShardViewDto).tick
    return { ok: true, value: parsed.data as SnapshotReply<R['op']> }
  }

  /**
   * A timeline request, answered with its op's reply (checked here against TIMELINE_REPLIES); the
   * worker rebuilds frames, forks and reopens, and a fork or reopen gets a town build's time.
   */
  async timeline<R extends TimelineRequest>(request: R): Promise<Result<TimelineReply<R['op']>>> {
    const requestMs = this.options.requestTimeoutMs ?? 15_000
    const timeoutMs = TIMELINE_BUILDS.has(request.op) ? Math.max(requestMs, TOWN_BUILD_DEADLINE_MS) : requestMs
    const reply = await this.query<unknown>({ type: 'timeline', request }, `the timeline ${request.op}`, timeoutMs)
    if (!reply.ok) return reply
    const parsed = TIMELINE_REPLIES[request.op].safeParse(reply.value)
    if (!parsed.success) return err('ipc.invalid_response', `the shard's answer to timeline ${request.op} is malformed: ${formatZodIssues(parsed.error.issues.slice(0, 3))}`)
    if (TIMELINE_BUILDS.has(request.op)) this.lastTick = (parsed.data as ShardViewDto).tick
    return { ok: true, value: parsed.data as TimelineReply<R['op']> }
  }

  private query<T>(message: Extract<HostRequest, { type: 'console' | 'agent-detail' | 'policy-status' | 'policy-trace' | 'step' | 'snapshot' | 'timeline' }>, what: string, timeoutMs = this.options.requestTimeoutMs ?? 15_000): Promise<Result<T>> {
    if (this.dead) return Promise.resolve(err('shard.crashed', 'the shard worker is not running; restart it to continue'))
    const seq = this.nextSeq++
    return new Promise((resolve) => {
      const entry = {
        resolve: resolve as (result: Result<unknown>) => void,
        timer: undefined as unknown as NodeJS.Timeout,
        arm: () => {
          clearTimeout(entry.timer)
          entry.timer = setTimeout(() => {
            this.queries.delete(seq)
            resolve(err('shard.timeout', `the shard did not answer ${what} within ${timeoutMs} ms`))
          }, timeoutMs)
        }
      }
      entry.arm()
      this.queries.set(seq, entry)
      this.worker.postMessage({ ...message, seq })
    })
  }

  /** A message the worker does not answer (telemetry settings, acks, status); dropped when the worker is gone. */
  notify(message: WorkerNotice): void {
    if (!this.dead) this.worker.postMessage({ ...message, seq: 0 })
  }

  async terminate(): Promise<void> {
    this.terminating = true
    this.dead = true
    this.settleAll('shard.crashed', 'the shard worker was stopped')
    await this.worker.terminate()
  }

  private receive(raw: unknown): void {
    const parsed = WorkerToHostSchema.safeParse(raw)
    if (!parsed.success) {
      this.options.onLog('error', `ignored a malformed message from the shard worker: ${formatZodIssues(parsed.error.issues)}`)
      return
    }
    const message = parsed.data
    switch (message.type) {
      case 'frame':
        this.lastTick = message.view.tick
        this.options.onFrame(message.view)
        return
      case 'log':
        this.options.onLog(message.level, message.message, message.detail)
        return
      case 'observer':
        this.options.onObserver?.(message.frame)
        // Taken: the worker may build the next one (it sends none faster than the host reads).
        if (!this.dead) this.worker.postMessage({ type: 'observer-ack', seq: 0 })
        return
      case 'console-reply':
        this.settleQuery(message.seq, { ok: true, value: message.result })
        return
      case 'agent-detail-reply':
      case 'policy-status-reply':
      case 'policy-trace-reply':
        this.settleQuery(message.seq, message.result.ok ? message.result : err(message.result.error.code, message.result.error.message))
        return
      case 'console-result':
        this.options.onConsoleResult?.(message.result)
        return
      case 'snapshot-reply':
      case 'timeline-reply':
        if (message.frame_follows) this.options.onFrameFollows?.()
        this.settleQuery(message.seq, message.result.ok ? message.result : err(message.result.error.code, message.result.error.message))
        return
      case 'snapshot-stored':
        this.options.onSnapshotStored?.(message.name, message.reason)
        return
      case 'telemetry-batch':
        this.options.onTelemetry?.({ lines: message.lines, tick: message.tick, dropped: message.dropped })
        return
      case 'step-reply':
        if (message.frame_follows) this.options.onFrameFollows?.()
        if (message.result.ok) this.lastTick = message.result.value.view.tick
        this.settleQuery(message.seq, message.result.ok ? message.result : err(message.result.error.code, message.result.error.message))
        return
      case 'progress':
        this.queries.get(message.seq)?.arm()
        return
      case 'reply': {
        if (message.frame_follows) this.options.onFrameFollows?.()
        const pending = this.pending.get(message.seq)
        // A console request the worker could not take (no config yet, a malformed message) is refused with a plain reply.
        if (!pending && !message.result.ok) this.settleQuery(message.seq, err(message.result.error.code, message.result.error.message))
        if (!pending) return
        this.pending.delete(message.seq)
        clearTimeout(pending.timer)
        if (message.result.ok) {
          this.lastTick = message.result.value.tick
          pending.resolve(message.result)
        } else {
          pending.resolve(err(message.result.error.code, message.result.error.message))
        }
      }
    }
  }

  private fail(failure: LoopFailure): void {
    if (this.dead) return
    this.dead = true
    this.settleAll('shard.crashed', `the shard worker crashed: ${failure.reason}`)
    this.options.onFailure(failure)
  }

  private settleQuery(seq: number, result: Result<unknown>): void {
    const pending = this.queries.get(seq)
    if (!pending) return
    this.queries.delete(seq)
    clearTimeout(pending.timer)
    pending.resolve(result)
  }

  private settleAll(code: ErrorCode, message: string): void {
    for (const [seq, pending] of this.pending) {
      clearTimeout(pending.timer)
      pending.resolve(err(code, message))
      this.pending.delete(seq)
    }
    for (const seq of [...this.queries.keys()]) this.settleQuery(seq, err(code, message))
  }
}

/** A worker's environment: the host's, less the admin token (no worker ever needs it). */
export function workerEnv(): NodeJS.ProcessEnv {
  const { [ADMIN_TOKEN_ENV]: _token, ...rest } = process.env
  return rest
}
