/**
 * Which registry `townlet affordances validate` checks, and against which checksum manifest:
 * `--file F`, the file a config names (`--config C`, its `affordances.file` relative to C), or
 * the embedded core registry. Every way of naming a file that does not exist is a usage error.
 */
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { parseDocument } from 'yaml'
import { EMBEDDED_AFFORDANCES } from '../config/load-affordances'
import { MAX_CONFIG_BYTES } from '../config/load-config'
import type { ShardFiles } from '../shard/shard'
import { AffordancesSectionSchema } from '../config/sections/world'
import { UsageError } from './cli-io'
import coreYaml from '../../configs/affordances/core.yaml?raw'

export interface AffordanceTarget {
  /** How the file is named in output: relative to the working directory, or `embedded:…`. */
  display: string
  /** The name the checksum manifest lists it under (its base name). */
  name: string
  bytes: Uint8Array
  /** Absolute path of the checksum manifest, or undefined when there is none to check. */
  manifestPath?: string
  /** The manifest was named (by --manifest or the config), so its absence is an error. */
  manifestRequired: boolean
  /** The command line that selects this file again, for "run … --write-manifest" advice. */
  selector: string
}

export interface TargetArgs {
  file?: string
  config?: string
  manifest?: string
}

/** A registry is small; anything bigger is the wrong file (the loader has the same limit). */
const MAX_BYTES = 1024 * 1024

export async function resolveTarget(args: TargetArgs, cwd: string, files: ShardFiles): Promise<AffordanceTarget> {
  if (args.file !== undefined && args.config !== undefined) {
    throw new UsageError('give --file (a registry YAML) or --config (a shard config naming one), not both\nSee: townlet help affordances')
  }
  const explicitManifest = args.manifest === undefined ? undefined : resolve(cwd, args.manifest)
  const manifestFlag = args.manifest === undefined ? '' : ` --manifest ${args.manifest}`
  if (args.file !== undefined) {
    const path = resolve(cwd, args.file)
    return {
      ...(await readTarget(path, cwd, files, `affordance file not found: ${args.file}: check the path (it is relative to the working directory)`)),
      manifestPath: explicitManifest ?? join(dirname(path), 'manifest.json'),
      manifestRequired: explicitManifest !== undefined,
      selector: `--file ${args.file}${manifestFlag}`
    }
  }
  if (args.config !== undefined) {
    const configPath = resolve(cwd, args.config)
    const section = await affordancesSection(configPath, args.config, files)
    const configManifest = section.manifest === undefined ? undefined : resolve(dirname(configPath), section.manifest)
    const manifestPath = explicitManifest ?? configManifest
    const selector = `--config ${args.config}${manifestFlag}`
    if (section.file === undefined) {
      return { ...embeddedTarget(), ...(manifestPath ? { manifestPath } : {}), manifestRequired: manifestPath !== undefined, selector }
    }
    const path = resolve(dirname(configPath), section.file)
    const missing = `affordance file not found: ${displayPath(path, cwd)}, named by affordances.file in ${args.config}: it is relative to the config file; fix the path`
    return { ...(await readTarget(path, cwd, files, missing)), manifestPath: manifestPath ?? join(dirname(path), 'manifest.json'), manifestRequired: manifestPath !== undefined, selector }
  }
  return {
    ...embeddedTarget(),
    ...(explicitManifest ? { manifestPath: explicitManifest } : {}),
    manifestRequired: explicitManifest !== undefined,
    selector: `--file configs/affordances/core.yaml${manifestFlag}`
  }
}

/** `configs/x.yaml` under the working directory, the absolute path elsewhere. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

function embeddedTarget(): Pick<AffordanceTarget, 'display' | 'name' | 'bytes'> {
  return { display: EMBEDDED_AFFORDANCES, name: 'core.yaml', bytes: new TextEncoder().encode(coreYaml) }
}

/** The registry's bytes, through the workspace (inside it, a regular file of at most 1 MiB). */
async function readTarget(path: string, cwd: string, files: ShardFiles, missing: string): Promise<Pick<AffordanceTarget, 'display' | 'name' | 'bytes'>> {
  const display = displayPath(path, cwd)
  const read = await files.workspace.readBytes(path, { base: files.base, what: 'affordance registry', maxBytes: MAX_BYTES, codes: { notFound: 'config.not_found', unreadable: 'config.unreadable' } })
  if (!read.ok) throw new UsageError(read.error.code === 'config.not_found' ? missing : read.error.message)
  return { display, name: basename(read.value.path), bytes: read.value.bytes }
}

/** The config's `affordances` section, read on its own so a config broken elsewhere still names its registry. */
async function affordancesSection(configPath: string, shown: string, files: ShardFiles) {
  const read = await files.workspace.readText(configPath, { base: files.base, what: 'config', maxBytes: MAX_CONFIG_BYTES, codes: { notFound: 'config.not_found', unreadable: 'config.unreadable' } })
  if (!read.ok) throw new UsageError(read.error.code === 'config.not_found' ? `config file not found: ${shown}: check the path` : read.error.message)
  const text = read.value.text
  const doc = parseDocument(text, { prettyErrors: false })
  if (doc.errors.length > 0) throw new UsageError(`${shown} is not valid YAML (${doc.errors[0]?.message.split('\n')[0]}): fix it, or name the registry with --file`)
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 100 })
  } catch (e) {
    throw new UsageError(`${shown}: ${(e as Error).message}: fix it, or name the registry with --file`)
  }
  const raw = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).affordances : undefined
  const section = AffordancesSectionSchema.safeParse(raw ?? {})
  if (!section.success) {
    throw new UsageError(`${shown}: the affordances section is invalid (${section.error.issues.map((i) => `${['affordances', ...i.path].join('.')}: ${i.message}`).join('; ')}): fix it, or name the registry with --file`)
  }
  return section.data
}
