/**
 * Load a shard config: read the YAML, report syntax errors with their lines, validate with zod,
 * load its affordance registry, and build the town once to check what only the map can tell
 * (unreachable objects, agents on walls). Every problem comes with its file, YAML path, line and
 * a fix. Never throws: the caller keeps its current config when this answers an error.
 */
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { ConfigIssue, ConfigSummary } from '../../shared/contract/dto/config-summary'
import { err, ok, type Result } from '../../shared/result'
import { createWorld } from '../sim/town/create-world'
import { firstIssues, printableIssue } from './bounded-issues'
import { pathLabel } from './bounded-text'
import { describeZodIssues } from './describe-zod-issue'
import { embeddedAffordances, loadAffordanceFile, type AffordanceLoad, type AffordanceSource } from './load-affordances'
import { ShardConfigSchema, type ShardConfig } from './shard-config-schema'
import { parseYamlData, type DocumentKind } from './parse-yaml-data'
import { knownKeysAt } from './schema-keys'
import type { YamlIndex } from './yaml-index'
import { locate } from './yaml-locate'
import { configuredModel } from '../policy/runtime/model-path'
import type { Workspace } from '../fs/workspace'
import defaultYaml from '../../configs/default.yaml?raw'

/** A validated config together with its affordance registry and the identity the UI shows. */
export interface LoadedConfig {
  config: ShardConfig
  summary: ConfigSummary
  affordances: AffordanceSource
}

export const EMBEDDED_DEFAULT_SOURCE = 'embedded:default'
/** Shard configs are small; anything bigger is a wrong file, not a config. */
export const MAX_CONFIG_BYTES = 2 * 1024 * 1024

/**
 * Read and check a config file named by a client, a command line or a test. `path` is resolved
 * from `base` (the working folder) inside the workspace, with links followed; so are the files the
 * config names (its affordance registry, its policy model), from the config's own folder. Nothing
 * outside the workspace is read, and a refusal says nothing about what is there.
 */
export async function loadConfigFile(path: string, workspace: Workspace, base = process.cwd()): Promise<Result<LoadedConfig>> {
  const read = await workspace.readText(path, { base, what: 'config', maxBytes: MAX_CONFIG_BYTES, codes: { notFound: 'config.not_found', unreadable: 'config.unreadable' } })
  if (!read.ok) return read
  const file = read.value.path
  const parsed = parseShardYaml(read.value.text, file)
  if (!parsed.ok) return parsed.result
  const model = await modelProblem(file, parsed, workspace)
  if (model) return invalid(file, [model])
  if (parsed.config.affordances.file === undefined) return finish(parsed, embeddedAffordances())
  const registry = await loadAffordanceFile(parsed.config.affordances.file, workspace, dirname(file))
  return finish(parsed, registry)
}

/**
 * A config naming a policy model must name a regular file inside the workspace; whether the
 * model fits the town is checked when the shard loads it (that needs the town's observation spec).
 */
async function modelProblem(configPath: string, parsed: ParsedYaml, workspace: Workspace): Promise<ConfigIssue | undefined> {
  const file = configuredModel(parsed.config, configPath)
  if (file === undefined) return undefined
  const at = locate(parsed.index, ['policy', 'model'])
  const resolved = await workspace.resolve(file, { base: dirname(configPath), what: 'policy model', codes: { notFound: 'policy.model_not_found', unreadable: 'policy.model_not_found' } })
  if (!resolved.ok) return { path: 'policy.model', message: resolved.error.message, ...(at ?? {}) }
  const info = await stat(resolved.value).catch(() => undefined)
  if (info?.isFile()) return undefined
  return { path: 'policy.model', message: `the model ${file} is not a file: give a path (relative to this config) to an .onnx model, e.g. ../policies/release.onnx`, ...(at ?? {}) }
}

/** Where a config's affordance registry file lives (relative to the config file), or undefined for the built-in one. */
export function affordancePath(configPath: string, config: ShardConfig): string | undefined {
  return config.affordances.file === undefined ? undefined : resolve(dirname(configPath), config.affordances.file)
}

export function loadEmbeddedDefault(): LoadedConfig {
  const loaded = parseConfigText(defaultYaml, EMBEDDED_DEFAULT_SOURCE)
  if (!loaded.ok) throw new Error(`the embedded default config is invalid: ${loaded.error.message}`)
  return loaded.value
}

/** Parse a config from text; its registry is `affordances` or, when not given, the embedded core one. */
export function parseConfigText(text: string, source: string, affordances: AffordanceLoad = embeddedAffordances()): Result<LoadedConfig> {
  const parsed = parseShardYaml(text, source)
  return parsed.ok ? finish(parsed, affordances) : parsed.result
}

interface ParsedYaml {
  ok: true
  config: ShardConfig
  text: string
  source: string
  index: YamlIndex
}

/** What a shard config looks like, for telling a foreign file from a broken config. */
const SHARD_CONFIG: DocumentKind = {
  name: 'shard config',
  topKeys: knownKeysAt(ShardConfigSchema, []),
  shape: 'a shard config is a YAML mapping with config_id and seed at the top level and optional sections such as runtime, world and jobs (see configs/default.yaml)'
}

function parseShardYaml(text: string, source: string): ParsedYaml | { ok: false; result: Result<LoadedConfig> } {
  const yaml = parseYamlData(text, SHARD_CONFIG)
  if (!yaml.ok) return { ok: false, result: yaml.foreign ? notAConfig(source, yaml.foreign) : invalid(source, yaml.issues) }
  const parsed = ShardConfigSchema.safeParse(yaml.data)
  if (!parsed.success) return { ok: false, result: invalid(source, describeZodIssues(parsed.error.issues, ShardConfigSchema, yaml.index, yaml.data)) }
  return { ok: true, config: parsed.data, text, source, index: yaml.index }
}

/** A file that is not a shard config at all: said in words that quote nothing from it. */
function notAConfig(source: string, foreign: { reason: string; line?: number }): Result<LoadedConfig> {
  const message = `not a shard config: ${foreign.reason}; ${SHARD_CONFIG.shape}`
  const issue: ConfigIssue = { path: '', message, ...(foreign.line ? { line: foreign.line, col: 1 } : {}) }
  return err('config.invalid', `${source} is ${message}`, { source, issues: [issue] })
}

function finish(parsed: ParsedYaml, affordances: AffordanceLoad): Result<LoadedConfig> {
  const { config, source, index } = parsed
  if (!affordances.ok) return invalid(source, affordances.issues)
  const built = createWorld(config, affordances.registry)
  if (!built.ok) {
    return invalid(
      source,
      built.problems.map((p) => {
        const at = locate(index, p.path)
        return { path: pathLabel(p.path), message: p.message, ...(at ?? {}) }
      })
    )
  }
  const sha256 = createHash('sha256').update(parsed.text).digest('hex')
  return ok({
    config,
    summary: { config_id: config.config_id, seed: config.seed, tick_ms: config.runtime.tick_ms, ticks_per_day: config.world.ticks_per_day, start_time: config.world.start_time, source, sha256 },
    affordances: affordances.affordances
  })
}

function invalid(source: string, found: ConfigIssue[]): Result<LoadedConfig> {
  // The last bound on the way out, whatever produced the issues: a short list of printable lines.
  const issues = firstIssues(found, printableIssue)
  const lines = issues.map(formatIssue).join('; ')
  return err('config.invalid', `${source} is not a valid shard config (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${lines}`, {
    source,
    issues
  })
}

/** `runtime.tick_ms (line 4:12): Too small…` — the form used in CLI output and error messages. */
export function formatIssue(issue: ConfigIssue): string {
  const where = issue.line ? ` (line ${issue.line}:${issue.col ?? 1})` : ''
  const file = issue.file ? `${issue.file}: ` : ''
  return `${file}${issue.path || '<document>'}${where}: ${issue.message}`
}
