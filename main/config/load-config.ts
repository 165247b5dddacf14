/**
 * Load a shard config: read the YAML, report syntax errors with their lines, validate with zod
 * and report every schema problem with its YAML path, line and a fix. Never throws: the caller
 * keeps its current config when this answers an error.
 */
import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import type { ConfigIssue, ConfigSummary } from '../../shared/contract/dto/config-summary'
import { err, ok, type Result } from '../../shared/result'
import { didYouMean } from './did-you-mean'
import { knownKeysAt } from './schema-keys'
import { ShardConfigSchema, type ShardConfig } from './shard-config-schema'
import { locate } from './yaml-locate'
import defaultYaml from '../../configs/default.yaml?raw'

/** A validated config together with the identity the UI shows. */
export interface LoadedConfig {
  config: ShardConfig
  summary: ConfigSummary
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
  return parseConfigText(text, path)
}

export function loadEmbeddedDefault(): LoadedConfig {
  const loaded = parseConfigText(defaultYaml, EMBEDDED_DEFAULT_SOURCE)
  if (!loaded.ok) throw new Error(`the embedded default config is invalid: ${loaded.error.message}`)
  return loaded.value
}

export function parseConfigText(text: string, source: string): Result<LoadedConfig> {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    const issues: ConfigIssue[] = doc.errors.map((e) => ({
      path: '',
      ...counter.linePos(e.pos[0]),
      message: `YAML syntax: ${e.message.split('\n')[0]}`
    }))
    return invalid(source, issues)
  }
  let data: unknown
  try {
    // maxAliasCount bounds alias expansion, so a "billion laughs" file fails instead of eating memory.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {}
  } catch (e) {
    return invalid(source, [{ path: '', message: `YAML: ${(e as Error).message}` }])
  }
  const parsed = ShardConfigSchema.safeParse(data)
  if (!parsed.success) return invalid(source, parsed.error.issues.flatMap((i) => describeIssue(i, doc, counter)))
  const sha256 = createHash('sha256').update(text).digest('hex')
  const config = parsed.data
  return ok({
    config,
    summary: { config_id: config.config_id, seed: config.seed, tick_ms: config.runtime.tick_ms, source, sha256 }
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
  return `${issue.path || '<document>'}${where}: ${issue.message}`
}

function describeIssue(issue: z.core.$ZodIssue, doc: ReturnType<typeof parseDocument>, counter: LineCounter): ConfigIssue[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(ShardConfigSchema, issue.path)
    return issue.keys.map((key) => {
      const path = [...issue.path, key]
      const hint = didYouMean(key, known)
      const fix = hint ? `did you mean "${hint}"?` : `known keys here: ${known.join(', ')}`
      return withLocation({ path: path.map(String).join('.'), message: `unknown key "${key}": ${fix}` }, locate(doc, counter, path, { key: true }))
    })
  }
  const message = issue.code === 'invalid_type' && issue.message.includes('undefined') ? `${issue.message} (this key is required)` : issue.message
  return [withLocation({ path: issue.path.map(String).join('.'), message }, locate(doc, counter, issue.path))]
}

function withLocation(issue: ConfigIssue, at: { line: number; col: number } | undefined): ConfigIssue {
  return at ? { ...issue, line: at.line, col: at.col } : issue
}
