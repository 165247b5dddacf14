/**
 * Load an affordance registry file (YAML): syntax, schema, then the registry's own cross-checks
 * (duplicate ids, unknown object types, preconditions that do not parse), every problem located
 * in the file. Shared by config loading, hot reload and `townlet affordances validate`.
 */
import { createHash } from 'node:crypto'
import { isAbsolute, resolve } from 'node:path'
import type { Workspace } from '../fs/workspace'
import type { ConfigIssue } from '../../shared/contract/dto/config-summary'
import { AffordanceManifestSchema, type AffordanceManifest } from '../sim/affordances/manifest-schema'
import { compileRegistry, type AffordanceRegistry } from '../sim/affordances/registry'
import { firstIssues, printableIssue } from './bounded-issues'
import { pathLabel } from './bounded-text'
import { describeZodIssues } from './describe-zod-issue'
import { parseYamlData, type DocumentKind } from './parse-yaml-data'
import { knownKeysAt } from './schema-keys'
import { locate } from './yaml-locate'
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

/**
 * Read an affordance registry file inside the workspace (relative paths from `base`, the folder of
 * the config naming it), as a regular file of at most 1 MiB, and check it.
 */
export async function loadAffordanceFile(path: string, workspace: Workspace, base: string): Promise<AffordanceLoad> {
  const read = await workspace.readText(path, { base, what: 'affordance registry', maxBytes: MAX_BYTES, codes: { notFound: 'config.not_found', unreadable: 'config.unreadable' } })
  if (!read.ok) {
    const hint = read.error.code === 'config.not_found' ? ' (affordances.file is relative to the config file)' : ''
    return fail(isAbsolute(path) ? path : resolve(base, path), `${read.error.message}${hint}`)
  }
  return parseAffordanceText(read.value.text, read.value.path)
}

/** What an affordance registry looks like, for telling a foreign file from a broken registry. */
const AFFORDANCE_REGISTRY: DocumentKind = {
  name: 'affordance registry',
  topKeys: knownKeysAt(AffordanceManifestSchema, []),
  shape: 'an affordance registry is a YAML mapping with object_types and affordances at the top level (see configs/affordances/core.yaml)'
}

export function parseAffordanceText(text: string, source: string): AffordanceLoad {
  const yaml = parseYamlData(text, AFFORDANCE_REGISTRY)
  if (!yaml.ok) {
    if (yaml.foreign) return fail(source, `not an affordance registry: ${yaml.foreign.reason}; ${AFFORDANCE_REGISTRY.shape}`)
    return failWith(source, yaml.issues)
  }
  const { index } = yaml
  const parsed = AffordanceManifestSchema.safeParse(yaml.data)
  const at = (path: readonly (string | number)[], message: string): ConfigIssue => {
    const where = locate(index, path)
    return printableIssue({ file: source, path: pathLabel(path), message, ...(where ?? {}) })
  }
  if (!parsed.success) return failWith(source, describeZodIssues(parsed.error.issues, AffordanceManifestSchema, index, yaml.data))
  const compiled = compileRegistry(parsed.data)
  if (!compiled.ok) {
    // Warnings too, so a validator can show everything wrong in one pass.
    const located = (warning: boolean) => firstIssues(compiled.problems.filter((p) => !!p.warning === warning), (p) => at(p.path, p.message))
    return { ok: false, issues: located(false), warnings: located(true), manifest: parsed.data }
  }
  return {
    ok: true,
    affordances: { source, sha256: createHash('sha256').update(text).digest('hex'), manifest: parsed.data },
    registry: compiled.registry,
    warnings: firstIssues(compiled.warnings, (p) => at(p.path, p.message))
  }
}

function fail(file: string, message: string): AffordanceLoad {
  return { ok: false, issues: [{ file, path: '', message }], warnings: [] }
}

/** Issues of this file, bounded and printable, each naming the file. */
function failWith(file: string, issues: readonly ConfigIssue[]): AffordanceLoad {
  return { ok: false, warnings: [], issues: firstIssues(issues, (i) => i).map((i) => printableIssue({ file, ...i })) }
}
