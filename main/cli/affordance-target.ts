/**
 * Which registry `townlet affordances validate` checks, and against which checksum manifest:
 * `--file F`, the file a config names (`--config C`, its `affordances.file` relative to C), or
 * the embedded core registry. Every way of naming a file that does not exist is a usage error.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { parseDocument } from 'yaml'
import { EMBEDDED_AFFORDANCES } from '../config/load-affordances'
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

export async function resolveTarget(args: TargetArgs, cwd: string): Promise<AffordanceTarget> {
  if (args.file !== undefined && args.config !== undefined) {
    throw new UsageError('give --file (a registry YAML) or --config (a shard config naming one), not both\nSee: townlet help affordances')
  }
  const explicitManifest = args.manifest === undefined ? undefined : resolve(cwd, args.manifest)
  const manifestFlag = args.manifest === undefined ? '' : ` --manifest ${args.manifest}`
  if (args.file !== undefined) {
    const path = resolve(cwd, args.file)
    return {
      ...(await readTarget(path, cwd, `affordance file not found: ${args.file}: check the path (it is relative to the working directory)`)),
      manifestPath: explicitManifest ?? join(dirname(path), 'manifest.json'),
      manifestRequired: explicitManifest !== undefined,
      selector: `--file ${args.file}${manifestFlag}`
    }
  }
  if (args.config !== undefined) {
    const configPath = resolve(cwd, args.config)
    const section = await affordancesSection(configPath, args.config)
    const configManifest = section.manifest === undefined ? undefined : resolve(dirname(configPath), section.manifest)
    const manifestPath = explicitManifest ?? configManifest
    const selector = `--config ${args.config}${manifestFlag}`
    if (section.file === undefined) {
      return { ...embeddedTarget(), ...(manifestPath ? { manifestPath } : {}), manifestRequired: manifestPath !== undefined, selector }
    }
    const path = resolve(dirname(configPath), section.file)
    const missing = `affordance file not found: ${displayPath(path, cwd)}, named by affordances.file in ${args.config}: it is relative to the config file; fix the path`
    return { ...(await readTarget(path, cwd, missing)), manifestPath: manifestPath ?? join(dirname(path), 'manifest.json'), manifestRequired: manifestPath !== undefined, selector }
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

async function readTarget(path: string, cwd: string, missing: string): Promise<Pick<AffordanceTarget, 'display' | 'name' | 'bytes'>> {
  const display = displayPath(path, cwd)
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new UsageError(`${display} is not a file: name an affordance registry YAML such as configs/affordances/core.yaml`)
    if (info.size > MAX_BYTES) throw new UsageError(`${display} is ${info.size} bytes; an affordance registry is at most ${MAX_BYTES}: is this the right file?`)
    return { display, name: basename(path), bytes: await readFile(path) }
  } catch (e) {
    if (e instanceof UsageError) throw e
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(missing)
    throw new UsageError(`cannot read ${display}: ${(e as Error).message}`)
  }
}

/** The config's `affordances` section, read on its own so a config broken elsewhere still names its registry. */
async function affordancesSection(configPath: string, shown: string) {
  let text: string
  try {
    text = await readFile(configPath, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`config file not found: ${shown}: check the path`)
    throw new UsageError(`cannot read ${shown}: ${(e as Error).message}`)
  }
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
