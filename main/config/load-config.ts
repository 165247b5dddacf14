/**
 * Load a shard config: read the YAML, report syntax errors with their lines, validate with zod,
 * load its affordance registry, and build the town once to check what only the map can tell
 * (unreachable objects, agents on walls). Every problem comes with its file, YAML path, line and
 * a fix. Never throws: the caller keeps its current config when this answers an error.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { LineCounter, parseDocument, type Document } from 'yaml'
import type { ConfigIssue, ConfigSummary } from '../../shared/contract/dto/config-summary'
import { err, ok, type Result } from '../../shared/result'
import { createWorld } from '../sim/town/create-world'
import { describeZodIssue } from './describe-zod-issue'
import { embeddedAffordances, loadAffordanceFile, type AffordanceLoad, type AffordanceSource } from './load-affordances'
import { ShardConfigSchema, type ShardConfig } from './shard-config-schema'
import { locate } from './yaml-locate'
import { PROTOTYPE_KEY_MESSAGE, prototypeKeyPaths } from './prototype-keys'
import { configuredModel } from '../policy/runtime/model-path'
import defaultYaml from '../../configs/default.yaml?raw'

/** A validated config together with its affordance registry and the identity the UI shows. */
export interface LoadedConfig {
  config: ShardConfig
  summary: ConfigSummary
  affordances: AffordanceSource
}

export const EMBEDDED_DEFAULT_SOURCE = 'embedded:default'
/** Shard configs are small; anything bigger is a wrong file, not a config. */
const MAX_CONFIG_BYTES = 2 * 1024 * 1024

export async function loadConfigFile(path: string): Promise<Result<LoadedConfig>> {
  let text: string
  try {
    const info = await stat(path)
    if (!info.isFile()) return err('config.unreadable', `${path} is not a file: name a YAML config file such as configs/default.yaml`)
    if (info.size > MAX_CONFIG_BYTES) {
      return err('config.unreadable', `${path} is ${info.size} bytes; a shard config is at most ${MAX_CONFIG_BYTES} bytes — is this the right file?`)
    }
    text = await readFile(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return err('config.not_found', `config file not found: ${path} — check the path, or pick one from the configs folder`)
    return err('config.unreadable', `cannot read ${path}: ${(e as Error).message}`)
  }
  const parsed = parseShardYaml(text, path)
  if (!parsed.ok) return parsed.result
  const file = affordancePath(path, parsed.config)
  const model = await modelProblem(path, parsed)
  if (model) return invalid(path, [model])
  return finish(parsed, file === undefined ? embeddedAffordances() : await loadAffordanceFile(file))
}

/**
 * A config naming a policy model must name a file that is there; whether the model fits the
 * town is checked when the shard loads it (that needs the town's observation spec).
 */
async function modelProblem(configPath: string, parsed: ParsedYaml): Promise<ConfigIssue | undefined> {
  const file = configuredModel(parsed.config, configPath)
  if (file === undefined) return undefined
  const info = await stat(file).catch(() => undefined)
  if (info?.isFile()) return undefined
  const at = locate(parsed.doc, parsed.counter, ['policy', 'model'])
  return { path: 'policy.model', message: `the model ${file} ${info ? 'is not a file' : 'does not exist'}: give a path (relative to this config) to an .onnx model, e.g. ../policies/release.onnx`, ...(at ?? {}) }
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
  doc: Document
  counter: LineCounter
}

function parseShardYaml(text: string, source: string): ParsedYaml | { ok: false; result: Result<LoadedConfig> } {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    const issues: ConfigIssue[] = doc.errors.map((e) => ({ path: '', ...counter.linePos(e.pos[0]), message: `YAML syntax: ${e.message.split('\n')[0]}` }))
    return { ok: false, result: invalid(source, issues) }
  }
  let data: unknown
  try {
    // maxAliasCount bounds alias expansion, so a "billion laughs" file fails instead of eating memory.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {}
  } catch (e) {
    return { ok: false, result: invalid(source, [{ path: '', message: `YAML: ${(e as Error).message}` }]) }
  }
  const protoKeys = prototypeKeyPaths(data)
  if (protoKeys.length > 0) {
    return { ok: false, result: invalid(source, protoKeys.map((path) => ({ path: path.join('.'), message: PROTOTYPE_KEY_MESSAGE, ...(locate(doc, counter, path, { key: true }) ?? {}) }))) }
  }
  const parsed = ShardConfigSchema.safeParse(data)
  if (!parsed.success) return { ok: false, result: invalid(source, parsed.error.issues.flatMap((i) => describeZodIssue(i, ShardConfigSchema, doc, counter))) }
  return { ok: true, config: parsed.data, text, source, doc, counter }
}

function finish(parsed: ParsedYaml, affordances: AffordanceLoad): Result<LoadedConfig> {
  const { config, source, doc, counter } = parsed
  if (!affordances.ok) return invalid(source, affordances.issues)
  const built = createWorld(config, affordances.registry)
  if (!built.ok) {
    return invalid(
      source,
      built.problems.map((p) => {
        const at = locate(doc, counter, p.path)
        return { path: p.path.join('.'), message: p.message, ...(at ?? {}) }
      })
    )
  }
  const sha256 = createHash('sha256').update(parsed.text).digest('hex')
  return ok({
    config,
    summary: { config_id: config.config_id, seed: config.seed, tick_ms: config.runtime.tick_ms, source, sha256 },
    affordances: affordances.affordances
  })
}

function invalid(source: string, issues: ConfigIssue[]): Result<LoadedConfig> {
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
