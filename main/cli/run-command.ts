/**
 * `townlet run`: the shard headless, in this process, as fast as it goes. The same Shard the app
 * runs in its worker, stepped in chunks sized to about 20 ms so the progress bar stays live.
 * `--agents`/`--seed` override the config, `--hash` prints the final state's sha256 and
 * `--events` records every event, so two runs can be compared without the app.
 */
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { describeConfigError } from '../config/describe-config-error'
import { withOverrides, type ConfigOverrides } from '../config/config-overrides'
import type { LoadedConfig } from '../config/load-config'
import { realScheduler } from '../shard/scheduler'
import { Shard, type ShardFiles } from '../shard/shard'
import { hashWorld } from '../sim/hash/hash-world'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { EventsFile } from './events-file'
import { configForSnapshot, loadCliConfig } from './load-cli-config'
import { integerOption, parseCommandArgs } from './parse-args'
import { ProgressBar } from './progress-bar'
import { CommandDrill, resolvedPath } from './command-drill'
import { readCommandsFile } from './commands-file'
import { ADMIN_TOKEN_ENV } from '../host/admin-token'
import { cliFiles, WORKSPACE_OPTION } from './cli-workspace'
import { InferenceFailedError } from '../policy/runtime/inference-failed-error'
import type { ErrorCode } from '../../shared/error-codes'
import type { SnapshotDocument, SnapshotIdentity } from '../snapshots/snapshot-document'
import { startRunHistory, type RunHistoryRecording } from './history-command-run'
import { RunTelemetry, type RunTelemetrySummary } from './run-telemetry'
import { captureRunSnapshot, readResumeDocument, restoreRunRuntime, resumeFrom, saveSnapshotPath, writeRunSnapshot } from './run-snapshots'

const CHUNK_TARGET_MS = 20
/** The schema's population limit: beyond it a town takes minutes to build and gigabytes to hold. */
const MAX_AGENTS = 100_000
/** Policy load errors that mean the file named (by --policy or the config) is wrong: exit 2, not 1. */
const BAD_MODEL_INPUT: ReadonlySet<ErrorCode> = new Set(['policy.model_not_found', 'policy.invalid_model', 'policy.model_mismatch', 'policy.checksum_mismatch', 'fs.outside_workspace'])

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('run', argv, {
    config: { type: 'string' },
    ticks: { type: 'string' },
    agents: { type: 'string' },
    seed: { type: 'string' },
    hash: { type: 'boolean', default: false },
    events: { type: 'string' },
    json: { type: 'boolean', default: false },
    commands: { type: 'string' },
    role: { type: 'string' },
    results: { type: 'string' },
    audit: { type: 'string' },
    policy: { type: 'string' },
    anneal: { type: 'string' },
    snapshot: { type: 'string' },
    'save-snapshot': { type: 'string' },
    history: { type: 'string' },
    telemetry: { type: 'string', multiple: true },
    'telemetry-privacy': { type: 'boolean', default: false },
    'telemetry-exclude': { type: 'string', multiple: true },
    'telemetry-request': { type: 'string', multiple: true },
    ...WORKSPACE_OPTION
  })
  const ticks = integerOption('ticks', args.ticks, { min: 1, max: 1_000_000_000 })
  if (ticks === undefined) throw new UsageError('townlet run needs --ticks N (how many ticks to run)\nSee: townlet help run')
  const overrides: ConfigOverrides = {
    agents: integerOption('agents', args.agents, { min: 1, max: MAX_AGENTS }),
    seed: integerOption('seed', args.seed, { min: 0, max: Number.MAX_SAFE_INTEGER })
  }
  if (args.events === '') throw new UsageError('--events needs a file name, e.g. --events events.jsonl')
  const files = await cliFiles(io, args.workspace)
  if (args.snapshot !== undefined && (overrides.agents !== undefined || overrides.seed !== undefined)) {
    throw new UsageError('--snapshot resumes a saved town as it was: --agents and --seed cannot change it (drop them)')
  }
  // A snapshot names its config by config_id: without --config, the run looks it up.
  const saved = args.snapshot === undefined ? undefined : await readResumeDocument(args.snapshot, files)
  const loaded = saved && args.config === undefined ? await configForSnapshot(saved.identity.config_id, io.paths.configsDir, files) : await loadCliConfig(args.config, files)
  const savePath = await saveSnapshotPath(args['save-snapshot'], files)
  const overridden = withOverrides(loaded, overrides)
  if (!overridden.ok) throw new UsageError(describeConfigError(overridden.error))
  noteDroppedAgents(loaded, overridden.value, io)
  const anneal = annealOption(args.anneal)
  if (anneal !== undefined) overridden.value.config.policy.anneal.ratio = anneal

  const drillLines = await drillOptions(args, ticks, io, files)
  // Before anything is written: a bad spec or a path outside the workspace is a usage error now.
  const telemetry = await RunTelemetry.open(args.telemetry ?? [], overridden.value.config.telemetry, files, io, {
    privacy: args['telemetry-privacy'],
    exclude: args['telemetry-exclude'] ?? [],
    request: args['telemetry-request'] ?? []
  })
  const events = args.events === undefined ? undefined : await EventsFile.create(resolve(io.cwd, args.events)).catch(async (e: unknown) => {
    await telemetry?.abort()
    throw e
  })
  const resume = saved && resumeFrom(args.snapshot!, saved, overridden.value)
  const shard = new Shard(overridden.value, { scheduler: realScheduler, files, ...(resume ? { resume } : {}), ...(events ? { onEvents: (list) => events.add(list) } : {}) })
  const policy = await choosePolicy(shard, args.policy, io)
  if (!policy.ok) {
    shard.dispose()
    await events?.abort()
    await telemetry?.abort()
    if (BAD_MODEL_INPUT.has(policy.error.code)) throw new UsageError(policy.error.message)
    io.stderr.write(`error: ${policy.error.message}\n`)
    return EXIT.failure
  }
  // A batch run reports what its model did: a failed inference ends it rather than letting the
  // scripted controller finish the run under the model's name (the app keeps its fallback).
  shard.simulation.policy.onInferenceError = 'fail'
  const drill = drillLines && new CommandDrill(shard, drillLines.lines, { ...drillLines.options, onWarning: (m) => io.stderr.write(`warning: ${m}\n`) })
  let history: RunHistoryRecording | undefined
  try {
    if (resume) restoreRunRuntime(shard, resume)
    history = await startRunHistory(args.history, shard, overridden.value, files, io)
  } catch (e) {
    shard.dispose()
    await events?.abort()
    await telemetry?.abort()
    throw e
  }
  telemetry?.attach(shard)
  let streamed: RunTelemetrySummary | undefined
  if (resume) notePolicyChange(resume.doc.identity, shard, io)
  let seconds: number
  let snapshot: SnapshotDocument | undefined
  try {
    seconds = await stepAll(shard, ticks, io, events, drill)
    const finalTick = shard.simulation.world.state.tick
    drill?.submitDue(finalTick)
    // Before the drill gives up on what is still queued: a snapshot carries it on to its tick.
    snapshot = savePath === undefined ? undefined : await captureRunSnapshot(shard)
    await drill?.finish(finalTick)
    await events?.commit()
    history?.finish('completed')
    streamed = await telemetry?.finish(io)
  } catch (e) {
    history?.finish('failed')
    await events?.abort()
    if (e instanceof InferenceFailedError) telemetry?.failed(e.tick, 'policy.inference_failed', `the policy's inference failed at tick ${e.tick}; the run stopped`)
    await (e instanceof InferenceFailedError ? telemetry?.finish(io) : telemetry?.abort())
    if (!(e instanceof InferenceFailedError)) throw e
    io.stderr.write(`error: inference failed at tick ${e.tick}: ${e.reason}\n`)
    io.stderr.write(`the run stopped at tick ${e.tick} of ${ticks}${events ? `; ${args.events} was not written` : ''}\n`)
    return EXIT.failure
  } finally {
    shard.dispose()
  }
  const view = shard.view()
  const world = shard.simulation.world
  if (savePath !== undefined && snapshot !== undefined) await writeRunSnapshot(savePath, snapshot)
  const agents = world.state.agents.count
  const hash = args.hash ? hashWorld(world, sha256hex) : null
  const tps = ticks / Math.max(seconds, 1e-9)
  if (args.json) {
    const summary = {
      config_id: view.config.config_id,
      seed: view.config.seed,
      agents,
      ticks,
      final_tick: view.tick,
      seconds,
      ticks_per_second: tps,
      hash,
      snapshot: savePath === undefined ? null : args['save-snapshot'],
      resumed_from: args.snapshot ?? null,
      policy: shard.simulation.policy.identity(),
      events: events ? events.count : null,
      telemetry: streamed ?? null,
      commands: drill ? { submitted: drill.results.length, ok: drill.count('ok'), error: drill.count('error') } : null
    }
    io.stdout.write(`${JSON.stringify(summary)}\n`)
  } else {
    io.stdout.write(
      `ran ${ticks} ticks of ${view.config.config_id} (seed ${view.config.seed}, ${agents} agents) in ${seconds.toFixed(3)} s: ${formatRate(tps)} ticks/s, final tick ${view.tick}\n`
    )
    io.stdout.write(`policy: ${describePolicy(shard)}\n`)
    if (events) io.stdout.write(`wrote ${events.count} events to ${args.events}\n`)
    if (drill) io.stdout.write(`ran ${drill.results.length} console commands: ${drill.count('ok')} ok, ${drill.count('error')} error${args.results ? `; results in ${args.results}` : ''}\n`)
    if (savePath !== undefined) io.stdout.write(`saved snapshot of tick ${view.tick} to ${args['save-snapshot']}\n`)
    if (hash !== null) io.stdout.write(`sha256 ${hash}\n`)
  }
  return EXIT.ok
}

/**
 * Step the shard `ticks` ticks in chunks of about CHUNK_TARGET_MS; returns the seconds spent. A
 * failing chunk (an InferenceFailedError) rejects with the shard at the failing tick.
 */
async function stepAll(shard: Shard, ticks: number, io: CliIo, events: EventsFile | undefined, drill?: CommandDrill): Promise<number> {
  const now = () => performance.now()
  const bar = new ProgressBar(io.stderr, ticks, now)
  const started = now()
  let done = 0
  let chunk = 1
  while (done < ticks) {
    let size = Math.min(chunk, ticks - done)
    if (drill) {
      // Stop at every tick that has commands: they go in just before the next tick runs.
      const at = shard.simulation.world.state.tick
      drill.submitDue(at)
      const due = drill.nextTick
      if (due !== undefined && due > at) size = Math.min(size, due - at)
    }
    const chunkStart = now()
    await shard.advance(size).catch((e: unknown) => {
      // Clear the bar first, so the error message starts on a clean line.
      bar.finish()
      throw e
    })
    done += size
    const spent = now() - chunkStart
    // Grow or shrink the next chunk towards the target duration.
    chunk = Math.max(1, Math.round(spent > 0 ? (size * CHUNK_TARGET_MS) / spent : size * 2))
    bar.update(done, (done * 1000) / Math.max(now() - started, 1e-6))
    await events?.flush()
    // Let signals and the event loop breathe between chunks.
    await new Promise((r) => setImmediate(r))
  }
  const seconds = (now() - started) / 1000
  bar.finish()
  return seconds
}

/** Say on stderr when --agents changed the town or left hand-placed agents out, so a changed run is no surprise. */
function noteDroppedAgents(before: LoadedConfig, after: LoadedConfig, io: CliIo): void {
  const drawn = before.config.world.layout !== undefined && after.config.world.layout === undefined
  const placed = before.config.world.agents
  const mapBound = drawn ? placed.filter((a) => a.home !== undefined || a.at !== undefined).length : 0
  const beyond = placed.length - mapBound - after.config.world.agents.length
  const parts: string[] = []
  if (drawn) parts.push(`--agents replaces the drawn town of ${before.summary.config_id} with a generated one sized for ${after.config.world.population} agents`)
  if (mapBound > 0) parts.push(`${mapBound} hand-placed agent${mapBound === 1 ? '' : 's'} naming a home or tile on the drawn map ${mapBound === 1 ? 'is' : 'are'} left out`)
  if (beyond > 0) parts.push(`${beyond} hand-placed agent${beyond === 1 ? '' : 's'} beyond --agents ${beyond === 1 ? 'is' : 'are'} left out`)
  if (parts.length > 0) io.stderr.write(`note: ${parts.join('; ')}\n`)
}

/** --commands and its companions: usage errors for combinations that cannot work, before the run starts. */
async function drillOptions(args: { commands?: string; role?: string; results?: string; audit?: string }, ticks: number, io: CliIo, files: ShardFiles) {
  if (args.commands === undefined) {
    const stray = (['role', 'results', 'audit'] as const).filter((k) => args[k] !== undefined)
    if (stray.length > 0) throw new UsageError(`${stray.map((k) => `--${k}`).join(', ')} only apply with --commands F.jsonl (a console drill)`)
    return undefined
  }
  const role = args.role ?? 'viewer'
  if (role !== 'viewer' && role !== 'admin') throw new UsageError(`--role must be viewer or admin, got "${role}"`)
  if (role === 'admin' && !io.env[ADMIN_TOKEN_ENV]?.trim()) {
    throw new UsageError(`--role admin needs ${ADMIN_TOKEN_ENV} set in the environment: admin commands run only for whoever holds the admin token`)
  }
  if (args.results === '' || args.audit === '') throw new UsageError(`--${args.results === '' ? 'results' : 'audit'} needs a file name, e.g. out.jsonl`)
  // The results file is written whole at the end: find out now, not after the run, that it cannot be.
  if (args.results !== undefined) {
    const folder = await stat(dirname(resolve(io.cwd, args.results))).catch(() => undefined)
    if (!folder?.isDirectory()) throw new UsageError(`--results ${args.results}: the folder ${dirname(args.results)} does not exist: create it first`)
  }
  const lines = await readCommandsFile(args.commands, ticks, files)
  const resultsPath = resolvedPath(io.cwd, args.results)
  const auditPath = resolvedPath(io.cwd, args.audit)
  return { lines, options: { role: role as 'viewer' | 'admin', ...(resultsPath ? { resultsPath } : {}), ...(auditPath ? { auditPath } : {}) } }
}

/** --anneal R: the chance a decision comes from the model, 0 to 1. */
function annealOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const ratio = Number(value)
  if (value.trim() === '' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new UsageError(`--anneal must be a ratio from 0 to 1 (the chance a decision comes from the model), got "${value}"`)
  }
  return ratio
}

/** --policy scripted | F.onnx, else whatever the config names; a model that fails to load ends the run. */
async function choosePolicy(shard: Shard, policy: string | undefined, io: CliIo) {
  if (policy === '') throw new UsageError('--policy needs "scripted" or a path to an .onnx model, e.g. --policy configs/policies/release.onnx')
  if (policy === undefined) return shard.attachConfiguredPolicy()
  if (policy !== 'scripted' && !policy.toLowerCase().endsWith('.onnx')) {
    throw new UsageError(`--policy must be "scripted" or a path to an .onnx model, got "${policy}"`)
  }
  return shard.swapPolicy(policy === 'scripted' ? 'scripted' : resolve(io.cwd, policy))
}

/** A resumed town decided by another policy than the one it was saved under carries on differently: say so. */
function notePolicyChange(saved: SnapshotIdentity, shard: Shard, io: CliIo): void {
  const now = shard.simulation.policy.identity()
  if (saved.backend === now.backend && saved.policy_hash === now.policy_hash) return
  const was = saved.backend === 'scripted' ? 'the scripted controller' : `a model (sha256 ${/^[0-9a-f]{12}/.exec(saved.policy_hash ?? '')?.[0] ?? 'unknown'}…)`
  io.stderr.write(`warning: the snapshot was saved under ${was} and this run uses ${describePolicy(shard)}: pass the same --policy to carry on exactly\n`)
}

function describePolicy(shard: Shard): string {
  const id = shard.simulation.policy.identity()
  if (id.backend === 'scripted') return 'scripted controller'
  return `${id.model} (sha256 ${id.policy_hash!.slice(0, 12)}…, ${id.execution_provider} provider, ${id.observation_variant} observations, anneal ${id.anneal_ratio})`
}

function sha256hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function formatRate(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}
