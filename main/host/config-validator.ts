/**
 * The host's config validator: a worker thread that reads and checks configs and affordance
 * registries (validator-worker.ts), so the host's main thread answers every client while a big
 * town is built to check it. One check at a time, each with a deadline: past it the thread is
 * stopped (whatever it was doing) and the check answered `config.timeout`; the next check starts
 * a fresh thread. The deadline bounds the check, not the thread's start: it runs from the moment
 * the thread says it is ready (within STARTUP_DEADLINE_MS, or the check fails). A few checks may wait their turn; more are refused (`ipc.busy`).
 */
import { Worker } from 'node:worker_threads'
import { err, type Result } from '../../shared/result'
import type { LoadedConfig } from '../config/load-config'
import type { WorkspaceRoot } from '../fs/workspace'
import { ValidatorReadySchema, ValidatorReplySchema, type AffordanceCheck, type ValidatorReply, type ValidatorRequest } from '../shard/validator-protocol'
import { VALIDATOR_ROLE } from '../shard/validator-worker'
import { describeBytes } from '../fs/read-bounded'
import { workerEnv } from './shard-worker-client'
import { TOWN_BUILD_DEADLINE_MS } from './town-build-deadline'

/** Long enough to build a town at the population limit on a slow machine. */
export const DEFAULT_VALIDATION_DEADLINE_MS = TOWN_BUILD_DEADLINE_MS
/** Checks that may wait behind the one running. */
const MAX_WAITING = 4
/** How long a fresh thread may take to load its code before a check gives up on it. */
const STARTUP_DEADLINE_MS = 20_000

type Request = Omit<ValidatorRequest, 'seq'>

export interface ConfigValidatorOptions {
  /** The worker script (out/main/shard-worker.js, or source-worker.cjs in tests). */
  workerPath: string
  deadlineMs?: number
}

export class ConfigValidator {
  private worker: Worker | undefined
  /** Resolves true once the current thread said it is ready, false if it died first. */
  private ready: Promise<boolean> = Promise.resolve(false)
  private queue: Promise<unknown> = Promise.resolve()
  private waiting = 0
  private nextSeq = 1
  private current: { seq: number; worker: Worker; settle(reply: ValidatorReply | { failed: string }): void } | undefined
  private disposed = false

  constructor(private readonly options: ConfigValidatorOptions) {}

  /** Read and check a config the way loadConfigFile does, on the validator thread. */
  async checkConfig(path: string, base: string, roots: readonly WorkspaceRoot[]): Promise<Result<LoadedConfig>> {
    const reply = await this.run({ type: 'config', path, base, roots: [...roots] })
    if ('failed' in reply) return err(reply.code, reply.failed)
    return reply.type === 'config' ? (reply.result as Result<LoadedConfig>) : err('internal.error', 'the config validator answered another request')
  }

  /** Read and check an affordance registry (a hot reload), on the validator thread. */
  async checkAffordances(path: string, base: string, roots: readonly WorkspaceRoot[]): Promise<AffordanceCheck> {
    const reply = await this.run({ type: 'affordances', path, base, roots: [...roots] })
    if ('failed' in reply) return { ok: false, issues: [{ file: path, path: '', message: reply.failed }], warnings: [] }
    return reply.type === 'affordances' ? reply.check : { ok: false, issues: [{ path: '', message: 'the config validator answered another request' }], warnings: [] }
  }

  /** Start the thread now (the host's start), so the first config.load does not wait for it. */
  warm(): void {
    if (!this.disposed) this.ensureWorker()
  }

  async dispose(): Promise<void> {
    this.disposed = true
    this.current?.settle({ failed: 'the host is stopping' })
    await this.worker?.terminate()
    this.worker = undefined
  }

  private run(request: Request): Promise<ValidatorReply | { failed: string; code: 'config.timeout' | 'internal.error' | 'ipc.busy' }> {
    if (this.disposed) return Promise.resolve({ failed: 'the host is stopping', code: 'internal.error' as const })
    if (this.waiting >= MAX_WAITING) {
      return Promise.resolve({ failed: `${MAX_WAITING + 1} configs are being checked already: wait for them, then try again`, code: 'ipc.busy' as const })
    }
    this.waiting += 1
    const turn = this.queue.then(() => {
      this.waiting -= 1
      return this.runNow(request)
    })
    this.queue = turn.catch(() => undefined)
    return turn
  }

  private async runNow(request: Request): Promise<ValidatorReply | { failed: string; code: 'config.timeout' | 'internal.error' }> {
    const worker = this.ensureWorker()
    let startTimer: ReturnType<typeof setTimeout> | undefined
    const started = await Promise.race([this.ready, new Promise<false>((resolve) => (startTimer = setTimeout(() => resolve(false), STARTUP_DEADLINE_MS)))])
    clearTimeout(startTimer)
    if (!started) {
      void this.stopWorker(worker)
      return { failed: `the config validator thread did not start within ${seconds(STARTUP_DEADLINE_MS)} s: try again`, code: 'internal.error' }
    }
    const seq = this.nextSeq++
    const deadlineMs = this.options.deadlineMs ?? DEFAULT_VALIDATION_DEADLINE_MS
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        // Whatever it is doing (a town too big to build in time, a pathological file): stop it.
        void this.stopWorker(worker)
        done({ failed: `checking ${request.path} took longer than ${seconds(deadlineMs)} s, so it was stopped: a town this big takes too long to check here, or the file is not a config (a shard config is at most ${describeBytes(2 * 1024 * 1024)})`, code: 'config.timeout' })
      }, deadlineMs)
      const done = (reply: ValidatorReply | { failed: string; code: 'config.timeout' | 'internal.error' }) => {
        clearTimeout(timer)
        if (this.current?.seq === seq) this.current = undefined
        resolve(reply)
      }
      this.current = { seq, worker, settle: (reply) => done('failed' in reply ? { failed: reply.failed, code: 'internal.error' } : reply) }
      worker.postMessage({ ...request, seq })
    })
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(this.options.workerPath, { workerData: { role: VALIDATOR_ROLE }, stdout: false, stderr: false, env: workerEnv() })
    let markReady: (ready: boolean) => void = () => {}
    this.ready = new Promise<boolean>((resolve) => (markReady = resolve))
    worker.on('message', (raw: unknown) => {
      if (ValidatorReadySchema.safeParse(raw).success) {
        markReady(true)
        return
      }
      const reply = ValidatorReplySchema.safeParse(raw)
      if (reply.success && this.current?.worker === worker && this.current.seq === reply.data.seq) this.current.settle(reply.data)
    })
    // Only the check this thread was doing is lost with it (one stopped at its deadline is answered already).
    const lost = (why: string) => {
      markReady(false)
      if (this.worker === worker) this.worker = undefined
      if (this.current?.worker === worker) this.current.settle({ failed: `the config validator stopped (${why}) before it answered: try again` })
    }
    worker.on('error', (e) => lost(e.message))
    worker.on('exit', (code) => lost(`exit code ${code}`))
    this.worker = worker
    return worker
  }

  private async stopWorker(worker: Worker): Promise<void> {
    if (this.worker === worker) this.worker = undefined
    await worker.terminate()
  }
}

/** A deadline in seconds as an operator reads it: 2, 1.5, 0.3. */
function seconds(ms: number): string {
  return ms >= 10_000 ? String(Math.round(ms / 1000)) : String(Math.round(ms / 100) / 10)
}
