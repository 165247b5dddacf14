/**
 * Load an affordance registry file (YAML): syntax, schema, then the registry's own cross-checks
 * (duplicate ids, unknown object types, preconditions that do not parse), every problem located
 * in the file. Shared by config loading, hot reload and `townlet affordances validate`.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { LineCounter, parseDocument } from 'yaml'
import type { ConfigIssue } from '../../shared/contract/dto/config-summary'
import { AffordanceManifestSchema, type AffordanceManifest } from '../sim/affordances/manifest-schema'
import { compileRegistry, type AffordanceRegistry } from '../sim/affordances/registry'
import { describeZodIssue } from './describe-zod-issue'
import { locate } from './yaml-locate'
import { PROTOTYPE_KEY_MESSAGE, prototypeKeyPaths } from './prototype-keys'
import coreYaml from '../../configs/affordances/core.yaml?raw'

/** The registry as it travels to the worker: plain JSON. */
export interface AffordanceSource {
  /** Path of the file, or `embedded:affordances/core.yaml`. */
  source: string
  sha256: string
  manifest: AffordanceManifest
}

export type AffordanceLoad =
  | { ok: true; affordances: AffordanceSource; registry: AffordanceRegistry; warnings: ConfigIssue[] }
  | { ok: false; issues: ConfigIssue[]; warnings: ConfigIssue[]; manifest?: AffordanceManifest }

export const EMBEDDED_AFFORDANCES = 'embedded:affordances/core.yaml'
const MAX_BYTES = 1024 * 1024

export function embeddedAffordances(): AffordanceLoad {
  return parseAffordanceText(coreYaml, EMBEDDED_AFFORDANCES)
}

export async function loadAffordanceFile(path: string): Promise<AffordanceLoad> {
  try {
    const text = await readFile(path, 'utf8')
    if (text.length > MAX_BYTES) return fail(path, `the file is ${text.length} bytes; an affordance registry is at most ${MAX_BYTES}: is this the right file?`)
    return parseAffordanceText(text, path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return fail(path, code === 'ENOENT' ? 'affordance file not found: check `affordances.file` (it is relative to the config file)' : `cannot read it: ${(e as Error).message}`)
  }
}

export function parseAffordanceText(text: string, source: string): AffordanceLoad {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return { ok: false, warnings: [], issues: doc.errors.map((e) => ({ file: source, path: '', ...counter.linePos(e.pos[0]), message: `YAML syntax: ${e.message.split('\n')[0]}` })) }
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {}
  } catch (e) {
    return fail(source, `YAML: ${(e as Error).message}`)
  }
  const protoKeys = prototypeKeyPaths(data)
  if (protoKeys.length > 0) {
    return { ok: false, warnings: [], issues: protoKeys.map((path) => ({ file: source, path: path.join('.'), message: PROTOTYPE_KEY_MESSAGE, ...(locate(doc, counter, path, { key: true }) ?? {}) })) }
  }
  const parsed = AffordanceManifestSchema.safeParse(data)
  const at = (path: readonly (string | number)[], message: string): ConfigIssue => {
    const where = locate(doc, counter, path)
    return { file: source, path: path.join('.'), message, ...(where ?? {}) }
  }
  if (!parsed.success) {
    return { ok: false, warnings: [], issues: parsed.error.issues.flatMap((i) => describeZodIssue(i, AffordanceManifestSchema, doc, counter).map((x) => ({ file: source, ...x }))) }
  }
  const compiled = compileRegistry(parsed.data)
  if (!compiled.ok) {
    // Warnings too, so a validator can show everything wrong in one pass.
    const located = (warning: boolean) => compiled.problems.filter((p) => !!p.warning === warning).map((p) => at(p.path, p.message))
    return { ok: false, issues: located(false), warnings: located(true), manifest: parsed.data }
  }
  return {
    ok: true,
    affordances: { source, sha256: createHash('sha256').update(text).digest('hex'), manifest: parsed.data },
    registry: compiled.registry,
    warnings: compiled.warnings.map((p) => at(p.path, p.message))
  }
}

function fail(file: string, message: string): AffordanceLoad {
  return { ok: false, issues: [{ file, path: '', message }], warnings: [] }
}
