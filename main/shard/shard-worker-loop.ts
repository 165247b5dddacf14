/**
 * The shard's side of the host protocol: one Shard in this worker thread, driven by the host's
 * messages (see protocol.ts). Started by worker-entry.ts.
 */
import type { MessagePort } from 'node:worker_threads'
import { formatZodIssues } from '../../shared/zod-issues'
import { realScheduler } from './scheduler'
import { Shard } from './shard'
import { Workspace } from '../fs/workspace'
import { HostToWorkerSchema, type HostToWorker, type WorkerToHost } from './protocol'
import { answerSnapshot } from './shard-snapshots-worker'
import { answerTimeline } from './shard-timeline-worker'
import { WorkerTelemetry } from './worker-telemetry'

/** How often a long request says it is still working. */
const PROGRESS_EVERY_MS = 1000

export function runShardWorker(port: MessagePort): void {
  let shard: Shard | undefined

  function post(message: WorkerToHost): void {
    port.postMessage(message)
  }
  // The telemetry stream (when the host asks for it): built here, sent by the host's transports.
  const telemetry = new WorkerTelemetry(post)

  function log(level: 'debug' | 'info' | 'warn' | 'error', message: string, detail?: string): void {
    post({ type: 'log', level, message, ...(detail === undefined ? {} : { detail }) })
  }

  /** A policy notice (CUDA asked for, CPU running) goes to the log as well as the Policy panel. */
  function logPolicyNotice(target: Shard): void {
    const notice = target.policyStatus().notice
    if (notice) log('warn', notice)
  }

  async function handle(message: HostToWorker): Promise<void> {
    if (message.type === 'observer-ack') {
      shard?.observerAcked()
      return
    }
    if (message.type === 'telemetry') {
      telemetry.configure(shard, message.enabled, message.max_buffer_bytes)
      return
    }
    if (message.type === 'telemetry-ack') {
      telemetry.acked(shard)
      return
    }
    if (message.type === 'telemetry-status') {
      telemetry.setHostStatus(message.status)
      return
    }
    if (message.type === 'init') {
      shard?.dispose()
      const workspace = await Workspace.fromJSON({ roots: message.files.roots })
      shard = new Shard(message.loaded, {
        files: { workspace, base: message.files.base },
        scheduler: realScheduler,
        onFrame: (view) => post({ type: 'frame', view }),
        onObserver: (frame) => post({ type: 'observer', frame }),
        observerCredit: true,
        timeline: true,
        onLog: (level, line) => log(level, line),
        onSnapshotStored: (name, reason) => post({ type: 'snapshot-stored', name, reason })
      })
      shard.onConsoleResult((result) => post({ type: 'console-result', result }))
      const attached = await shard.attachConfiguredPolicy()
      // A shard that starts (or restarts) must come up: a model that fails to load leaves the
      // scripted controller running, and the log says why.
      if (!attached.ok) log('error', `the config's policy model was not loaded, so the scripted controller runs: ${attached.error.message}`)
      logPolicyNotice(shard)
      log('info', `shard ready with config ${message.loaded.summary.config_id}`)
      // Clients learn of a (re)started shard from its first frames, like any other change.
      shard.publish()
      post({ type: 'reply', seq: message.seq, result: { ok: true, value: shard.view() }, frame_follows: shard.observerFramePending })
      return
    }
    if (!shard) {
      post({ type: 'reply', seq: message.seq, result: { ok: false, error: { code: 'shard.not_ready', message: 'the shard has no config yet' } } })
      return
    }
    if (message.type === 'reload-affordances') {
      // A message handler never runs inside a tick: the registry is swapped between ticks.
      post({ type: 'reply', seq: message.seq, result: shard.reloadAffordances(message.affordances), frame_follows: shard.observerFramePending })
      return
    }
    if (message.type === 'agent-detail') {
      post({ type: 'agent-detail-reply', seq: message.seq, result: shard.agentDetail(message.id) })
      return
    }
    if (message.type === 'policy-status') {
      post({ type: 'policy-status-reply', seq: message.seq, result: { ok: true, value: shard.policyStatus() } })
      return
    }
    if (message.type === 'policy-trace') {
      post({ type: 'policy-trace-reply', seq: message.seq, result: shard.policyTrace(message.id) })
      return
    }
    if (message.type === 'load-config' && message.loaded.config.policy.backend === 'onnx') {
      // Load the new town's model before replacing the running one: a bad model refuses the whole
      // config and the running shard keeps its own.
      const target = shard
      log('info', `loading config ${message.loaded.summary.config_id} from ${message.loaded.summary.source}`)
      const candidate = await target.prepareConfig(message.loaded)
      if (!candidate.ok) {
        post({ type: 'reply', seq: message.seq, result: candidate })
        return
      }
      post({ type: 'reply', seq: message.seq, result: { ok: true, value: candidate.value }, frame_follows: target.observerFramePending })
      logPolicyNotice(target)
      return
    }
    if (message.type === 'step') {
      // Progress at most once a second: it keeps the host's timeout from firing on a long step.
      let lastProgress = performance.now()
      const outcome = await shard.stepTicks(message.ticks, (done, total) => {
        const now = performance.now()
        if (now - lastProgress < PROGRESS_EVERY_MS) return
        lastProgress = now
        post({ type: 'progress', seq: message.seq, done, total })
      })
      post({ type: 'step-reply', seq: message.seq, result: { ok: true, value: outcome }, frame_follows: shard.observerFramePending })
      return
    }
    if (message.type === 'snapshot') {
      // Files are read, checked and written here; a load swaps the town in between ticks.
      const target = shard
      const result = await answerSnapshot(target, message.request)
      post({ type: 'snapshot-reply', seq: message.seq, result: result.ok ? result : { ok: false, error: { code: result.error.code, message: result.error.message } }, frame_follows: target.observerFramePending })
      return
    }
    if (message.type === 'timeline') {
      // A frame is rebuilt here, between ticks; a fork or reopen swaps the town in whole.
      const target = shard
      const result = await answerTimeline(target, message.request)
      post({ type: 'timeline-reply', seq: message.seq, result: result.ok ? result : { ok: false, error: { code: result.error.code, message: result.error.message } }, frame_follows: target.observerFramePending })
      return
    }
    if (message.type === 'console') {
      // Also between ticks: the command is answered now, or queued for the next tick boundary.
      post({ type: 'console-reply', seq: message.seq, result: shard.submitConsole(message.envelope) })
      return
    }
    const view = (() => {
      switch (message.type) {
        case 'load-config':
          log('info', `loading config ${message.loaded.summary.config_id} from ${message.loaded.summary.source}`)
          return shard.loadConfig(message.loaded)
        case 'start':
          return shard.start()
        case 'pause':
          return shard.pause()
        case 'resume':
          return shard.resume()
        case 'set-speed':
          return shard.setSpeed(message.speed)
        case 'status':
          return shard.view()
        case 'crash':
          // Throw outside the message handler, as a failing tick would, so the real crash path runs.
          // A short delay lets the reply reach the host first: a worker's error event can overtake
          // messages still queued in its port, which made the reply race the crash on a busy machine.
          setTimeout(() => {
            throw new Error('worker crash requested through the debug.crash-worker test hook')
          }, 50)
          return shard.view()
      }
    })()
    post({ type: 'reply', seq: message.seq, result: { ok: true, value: view }, frame_follows: shard.observerFramePending })
  }

  port.on('message', (raw: unknown) => {
    const parsed = HostToWorkerSchema.safeParse(raw)
    if (!parsed.success) {
      const seq = typeof raw === 'object' && raw !== null && 'seq' in raw && typeof raw.seq === 'number' ? raw.seq : -1
      log('error', `refused a malformed host message: ${formatZodIssues(parsed.error.issues)}`)
      if (seq >= 0) post({ type: 'reply', seq, result: { ok: false, error: { code: 'ipc.invalid_payload', message: 'malformed shard request' } } })
      return
    }
    // A message before this one may have made another town live (a config or snapshot load, a
    // fork): its stream starts before this one can run a tick, and again once it is handled.
    if (shard) telemetry.sync(shard)
    handle(parsed.data)
      .then(() => {
        if (shard) telemetry.sync(shard)
      })
      .catch((e: unknown) => {
        // A bug, not bad input: answer the request so the host is not left waiting, and say so.
        log('error', `the shard failed to handle ${parsed.data.type} (a bug); the host log has the details`, e instanceof Error ? (e.stack ?? e.message) : String(e))
        post({ type: 'reply', seq: parsed.data.seq, result: { ok: false, error: { code: 'internal.error', message: `the shard failed to handle ${parsed.data.type}` } } })
      })
  })
}
