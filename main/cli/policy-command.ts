/**
 * `townlet policy <subcommand>`: the behaviour-cloning pipeline operators can rerun.
 * - `capture`: run a config with the scripted controller, write a dataset and register it;
 * - `train-bc`: train the MLP on a dataset (checksums verified first), gate on held-out accuracy,
 *   export, verify in onnxruntime, write the model and register it;
 * - `audit`: recompute every checksum versions.json pins.
 */
import { access, readdir } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { AGENT_OPTIONS } from '../../shared/contract/dto/world-summary'
import { auditVersions, formatAudit } from '../policy/bc/audit'
import { captureDataset, captureWithPolicy, type CaptureResult } from '../policy/bc/capture'
import { loadOnnxPolicy } from '../policy/runtime/onnx-policy'
import { concatDatasets, readDataset, writeDataset, type DatasetData } from '../policy/bc/dataset'
import { publishModel } from '../policy/bc/publish-model'
import { DEFAULT_CLASS_WEIGHT_POWER, DEFAULT_EPOCHS, DEFAULT_THRESHOLD, splitIndices, trainBc, type TrainBcReport } from '../policy/bc/train-bc'
import { datasetEntryFor, DEFAULT_VERSIONS_PATH, readVersions, registerDataset } from '../policy/bc/versions-registry'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { loadCliConfig } from './load-cli-config'
import { cliFiles, WORKSPACE_OPTION } from './cli-workspace'
import type { ShardFiles } from '../shard/shard'
import { integerOption, parseCommandArgs } from './parse-args'
import { ProgressBar } from './progress-bar'

const SEE = '\nSee: townlet help policy'
/** Fewer samples leave no meaningful held-out split. */
const MIN_SAMPLES = 20

export async function policyCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === 'capture') return captureCommand(rest, io)
  if (sub === 'train-bc') return trainCommand(rest, io)
  if (sub === 'audit') return auditCommand(rest, io)
  throw new UsageError(`${sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`}: use capture, train-bc or audit${SEE}`)
}

function required(name: string, value: string | undefined, example: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required: ${example}${SEE}`)
  return value
}

/** A dataset or registry name: safe as a JSON key and a file name. */
function checkName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) throw new UsageError(`--name "${name}" must be 1–64 letters, digits, dots, dashes or underscores`)
  return name
}

/** --policy MODEL [--anneal R]: dataset aggregation (the model drives, the controller labels). */
function captureDriver(policy: string | undefined, anneal: string | undefined, files: ShardFiles) {
  if (policy === undefined) {
    if (anneal !== undefined) throw new UsageError(`--anneal only applies with --policy MODEL.onnx (a model driving the capture)${SEE}`)
    return undefined
  }
  if (!policy.toLowerCase().endsWith('.onnx')) throw new UsageError(`--policy must be a path to an .onnx model, got "${policy}"${SEE}`)
  const ratio = anneal === undefined ? 1 : Number(anneal)
  if (anneal !== undefined && (anneal.trim() === '' || !Number.isFinite(ratio) || ratio <= 0 || ratio > 1)) {
    throw new UsageError(`--anneal must be a ratio above 0 and at most 1 (the chance the model decides), got "${anneal}"${SEE}`)
  }
  return {
    anneal: ratio,
    // Inside the workspace, links followed, like every model a shard loads.
    load: async (spec: Parameters<typeof loadOnnxPolicy>[1]) => {
      const path = await files.workspace.resolve(policy, { base: files.base, what: 'policy model', codes: { notFound: 'policy.model_not_found', unreadable: 'policy.model_not_found' } })
      return path.ok ? loadOnnxPolicy(path.value, spec) : path
    }
  }
}

async function captureCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('policy', argv, {
    config: { type: 'string' },
    ticks: { type: 'string' },
    out: { type: 'string' },
    every: { type: 'string' },
    versions: { type: 'string' },
    name: { type: 'string' },
    force: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    policy: { type: 'string' },
    anneal: { type: 'string' },
    ...WORKSPACE_OPTION
  })
  const ticks = integerOption('ticks', required('ticks', args.ticks, 'how many ticks to run, e.g. --ticks 2000'), { min: 1, max: 10_000_000 })!
  const files = await cliFiles(io, args.workspace)
  const driver = captureDriver(args.policy, args.anneal, files)
  const every = integerOption('every', args.every, { min: 1, max: 1_000_000 }) ?? 1
  const out = resolve(io.cwd, required('out', args.out, 'the dataset folder to write, e.g. --out data/bc/default'))
  const versionsPath = resolve(io.cwd, args.versions ?? DEFAULT_VERSIONS_PATH)
  const name = checkName(args.name ?? basename(out))
  const existing = await readdir(out).catch(() => [] as string[])
  if (existing.includes('manifest.json') && !args.force) throw new UsageError(`${args.out} already holds a dataset: pick another --out, or pass --force to replace it`)
  const versions = await readVersions(versionsPath)
  if (!versions.ok) throw new UsageError(versions.message)
  const loaded = await loadCliConfig(args.config, files)

  const now = () => performance.now()
  const bar = new ProgressBar(io.stderr, ticks, now)
  const started = now()
  const captureOptions = { ticks, every, created: new Date().toISOString(), onProgress: (done: number) => bar.update(done, (done * 1000) / Math.max(now() - started, 1e-6)) }
  let captured: CaptureResult
  try {
    captured = driver ? await captureWithPolicy(loaded, { ...captureOptions, ...driver }) : captureDataset(loaded, captureOptions)
  } catch (e) {
    bar.finish()
    io.stderr.write(`error: ${(e as Error).message}\n`)
    return EXIT.failure
  }
  bar.finish()
  const seconds = (now() - started) / 1000
  const { data } = captured
  if (data.meta.samples === 0) throw new UsageError(`no agent reached a decision point in ${ticks} ticks of ${loaded.summary.config_id}: nothing to write; run more ticks`)
  const written = await writeDataset(out, data)
  await registerDataset(versionsPath, name, { dir: out, manifestSha256: written.manifestSha256, created: data.meta.created, samples: data.meta.samples })
  const summary = {
    name,
    dir: out,
    config_id: data.meta.config_id,
    variant: data.meta.variant,
    ticks,
    every,
    samples: data.meta.samples,
    inputs: data.observations.length / Math.max(data.meta.samples, 1),
    labels: captured.labelCounts,
    label_outside_mask: captured.labelOutsideMask,
    manifest_sha256: written.manifestSha256,
    versions: versionsPath,
    seconds
  }
  if (args.json) io.stdout.write(`${JSON.stringify(summary)}\n`)
  else {
    io.stdout.write(`captured ${summary.samples} samples (${summary.inputs} inputs each, ${data.meta.variant} observation) from ${ticks} ticks of ${data.meta.config_id} in ${seconds.toFixed(1)} s\n`)
    io.stdout.write(`labels: ${AGENT_OPTIONS.map((o) => `${o} ${captured.labelCounts[o] ?? 0}`).join(', ')}\n`)
    if (captured.labelOutsideMask > 0) io.stdout.write(`note: ${captured.labelOutsideMask} samples are labelled with an option their mask forbids; training ignores the mask for those\n`)
    io.stdout.write(`wrote ${args.out} (manifest sha256 ${written.manifestSha256}) and registered it as "${name}" in ${args.versions ?? DEFAULT_VERSIONS_PATH}\n`)
  }
  return EXIT.ok
}

async function trainCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('policy', argv, {
    dataset: { type: 'string', multiple: true },
    out: { type: 'string' },
    seed: { type: 'string' },
    epochs: { type: 'string' },
    threshold: { type: 'string' },
    'class-weight': { type: 'string' },
    versions: { type: 'string' },
    name: { type: 'string' },
    json: { type: 'boolean', default: false }
  })
  const dirs = (args.dataset ?? []).map((d) => resolve(io.cwd, d))
  if (dirs.length === 0) required('dataset', undefined, 'the folder `townlet policy capture` wrote, e.g. --dataset data/bc/default (repeat it to train on several)')
  const outArg = required('out', args.out, 'the model file to write, e.g. --out configs/policies/candidate.onnx')
  if (!outArg.endsWith('.onnx')) throw new UsageError(`--out ${outArg}: a model file name ends in .onnx`)
  const out = resolve(io.cwd, outArg)
  const seed = integerOption('seed', args.seed, { min: 0, max: 2 ** 31 - 1 }) ?? 1
  const epochs = integerOption('epochs', args.epochs, { min: 1, max: 1000 }) ?? DEFAULT_EPOCHS
  const threshold = args.threshold === undefined ? DEFAULT_THRESHOLD : Number(args.threshold)
  if (args.threshold !== undefined && (args.threshold.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1)) {
    throw new UsageError(`--threshold must be a number from 0 to 1 (held-out accuracy), got "${args.threshold}"`)
  }
  const classWeight = args['class-weight'] === undefined ? DEFAULT_CLASS_WEIGHT_POWER : Number(args['class-weight'])
  if (args['class-weight'] !== undefined && (args['class-weight'].trim() === '' || !Number.isFinite(classWeight) || classWeight < 0 || classWeight > 1)) {
    throw new UsageError(`--class-weight must be a number from 0 (every sample alike) to 1 (options weighed inversely to their frequency), got "${args['class-weight']}"`)
  }
  const name = checkName(args.name ?? basename(out).replace(/\.onnx$/, ''))
  const versionsPath = resolve(io.cwd, args.versions ?? DEFAULT_VERSIONS_PATH)
  const versions = await readVersions(versionsPath)
  if (!versions.ok) throw new UsageError(versions.message)
  const parts: DatasetData[] = []
  const names: string[] = []
  for (const [k, dir] of dirs.entries()) {
    const given = args.dataset![k]!
    if (!(await access(dir).then(() => true, () => false))) throw new UsageError(`--dataset ${given}: no such folder; capture one with \`townlet policy capture\``)
    const registered = datasetEntryFor(versionsPath, versions.versions, dir)
    const read = await readDataset(dir, registered ? { expectedManifestSha256: registered.entry.sha256 } : {})
    if (!read.ok) throw new UsageError(`dataset ${given} refused (${read.error.code}): ${read.error.message}`)
    parts.push(read.value)
    names.push(registered?.name ?? basename(dir))
    if (!registered && !args.json) io.stderr.write(`note: ${given} is not registered in ${args.versions ?? DEFAULT_VERSIONS_PATH}; the model names it "${basename(dir)}"\n`)
  }
  const joined = concatDatasets(parts)
  if (!joined.ok) throw new UsageError(joined.error.message)
  const dataset = joined
  if (dataset.value.meta.samples < MIN_SAMPLES) throw new UsageError(`${names.join(' + ')} ${names.length === 1 ? 'has' : 'have'} ${dataset.value.meta.samples} samples: too few to train and hold some out (at least ${MIN_SAMPLES}); capture more ticks`)
  const datasetName = names.join('+')

  const started = performance.now()
  const { params, report } = trainBc(dataset.value, { seed, epochs, threshold, classWeightPower: classWeight, onEpoch: (e, loss) => args.json || io.stderr.write(`epoch ${e + 1}/${epochs}: loss ${loss.toFixed(4)}\n`) })
  const seconds = (performance.now() - started) / 1000
  const result: Record<string, unknown> = { ...report, dataset: datasetName, seconds, model: null }
  if (report.passed) {
    const meta = dataset.value.meta
    const published = await publishModel(
      out,
      params,
      dataset.value,
      { variant: meta.variant, mapShape: meta.map_shape, mapChannels: meta.map_channels, featureNames: meta.feature_names, options: meta.options, dataset: datasetName, seed, accuracy: report.accuracy_heldout },
      splitIndices(meta.samples, seed).heldout,
      { versionsPath, name, created: new Date().toISOString() }
    )
    if (!published.ok) throw new Error(`${published.error.code}: ${published.error.message}`)
    result.model = { name, file: out, ...published.value }
  }
  if (args.json) io.stdout.write(`${JSON.stringify(result)}\n`)
  else io.stdout.write(formatTraining(report, seconds, result.model as { file: string; sha256: string; maxAbsDiff: number } | null, name))
  return report.passed ? EXIT.ok : EXIT.failure
}

function formatTraining(report: TrainBcReport, seconds: number, model: { file: string; sha256: string; maxAbsDiff: number } | null, name: string): string {
  const pct = (v: number | null) => (v === null ? '   –  ' : `${(v * 100).toFixed(1).padStart(5)}%`)
  const lines = [
    `trained on ${report.train_samples} of ${report.samples} samples (seed ${report.seed}, ${report.epochs} epochs) in ${seconds.toFixed(1)} s`,
    `accuracy: train ${pct(report.accuracy_train)}, held-out ${pct(report.accuracy_heldout)} (${report.heldout_samples} samples), held-out balanced over options ${pct(report.balanced_accuracy_heldout)}`,
    'held-out accuracy by scripted option:',
    ...Object.entries(report.per_option).map(([o, a]) => `  ${o.padEnd(10)} ${pct(a.accuracy)}  (${a.correct}/${a.samples})`)
  ]
  if (report.passed && model) {
    lines.push(`gate passed (held-out ${pct(report.accuracy_heldout).trim()} ≥ ${report.threshold})`)
    lines.push(`wrote ${model.file} (sha256 ${model.sha256}); onnxruntime matches the trained network (max |Δ| ${model.maxAbsDiff.toExponential(1)}); registered as "${name}"`)
  } else {
    lines.push(`gate FAILED: held-out accuracy ${pct(report.accuracy_heldout).trim()} < ${report.threshold}; no model written. Capture more ticks, train more epochs, or lower --threshold`)
  }
  return `${lines.join('\n')}\n`
}

async function auditCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('policy', argv, { versions: { type: 'string' }, json: { type: 'boolean', default: false } })
  if (args.versions === '') throw new UsageError(`--versions needs a path${SEE}`)
  const report = await auditVersions(resolve(io.cwd, args.versions ?? DEFAULT_VERSIONS_PATH))
  io.stdout.write(args.json ? `${JSON.stringify(report)}\n` : formatAudit(report))
  return report.ok ? EXIT.ok : EXIT.failure
}
