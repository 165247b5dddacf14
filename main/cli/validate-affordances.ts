/**
 * The checks of `townlet affordances validate`: the loader's own (syntax, schema, duplicate ids,
 * unknown object types, preconditions), its warnings, and the checksum manifest (drift, or a
 * rewrite with --write-manifest). Returns a report; printing it is format-validation.ts's job.
 */
import type { ConfigIssue } from '../../shared/contract/dto/config-summary'
import { ownValue } from '../../shared/own-key'
import { parseAffordanceText } from '../config/load-affordances'
import { displayPath, type AffordanceTarget } from './affordance-target'
import { readChecksumManifest, sha256Hex, writeChecksumManifest } from './checksum-manifest'

/** One problem, located in its file where it can be. */
export interface Problem {
  file: string
  line?: number
  col?: number
  /** Path inside the YAML, e.g. `affordances.2.preconditions.0`; empty for the file as a whole. */
  path: string
  message: string
}

export type ManifestStatus =
  /** No manifest to check (the embedded registry, none named). */
  | 'none'
  /** The default manifest path holds no file: the checksum is not pinned. */
  | 'absent'
  | 'unlisted'
  | 'match'
  | 'drift'
  | 'invalid'
  | 'written'

export interface ValidationReport {
  file: string
  /** The name the checksum manifest lists the file under. */
  name: string
  sha256: string
  /** Counts, or null when the file does not pass the schema. */
  affordances: number | null
  object_types: number | null
  errors: Problem[]
  warnings: Problem[]
  /** Warnings count as errors. */
  strict: boolean
  manifest: { path: string | null; status: ManifestStatus; recorded: string | null }
  ok: boolean
}

export interface ValidateOptions {
  strict: boolean
  writeManifest: boolean
  cwd: string
}

export async function validateAffordances(target: AffordanceTarget, options: ValidateOptions): Promise<ValidationReport> {
  const text = new TextDecoder().decode(target.bytes)
  const sha256 = sha256Hex(target.bytes)
  const load = parseAffordanceText(text, target.display)
  const errors: Problem[] = load.ok ? [] : load.issues.map((i) => toProblem(i, target.display))
  const warnings: Problem[] = load.warnings.map((i) => toProblem(i, target.display))
  const manifestData = load.ok ? load.affordances.manifest : load.manifest
  const failing = () => errors.length > 0 || (options.strict && warnings.length > 0)

  const manifestShown = target.manifestPath === undefined ? null : displayPath(target.manifestPath, options.cwd)
  const manifest: ValidationReport['manifest'] = { path: manifestShown, status: 'none', recorded: null }
  const fileProblem = (message: string): Problem => ({ file: target.display, path: '', message })
  const rerun = `townlet affordances validate ${target.selector} --write-manifest`

  // Decided before the manifest checks: drift is what --write-manifest is there to settle.
  const registryOk = !failing()
  if (target.manifestPath !== undefined && manifestShown !== null) {
    const read = await readChecksumManifest(target.manifestPath)
    if (read.status === 'invalid') {
      manifest.status = 'invalid'
      errors.push({ file: manifestShown, path: '', message: `${read.message}: fix it, or delete it and run \`${rerun}\`` })
    } else if (options.writeManifest && registryOk) {
      const files = read.status === 'ok' ? read.manifest.files : {}
      await writeChecksumManifest(target.manifestPath, { version: 1, files: { ...files, [target.name]: sha256 } })
      manifest.status = 'written'
      manifest.recorded = sha256
    } else if (read.status === 'absent') {
      manifest.status = 'absent'
      if (target.manifestRequired && !options.writeManifest) errors.push(fileProblem(`checksum manifest ${manifestShown} not found: check the path, or create it with \`${rerun}\``))
    } else {
      // Own keys only: a registry file named `constructor` is unlisted, not Object.prototype's function.
      const recorded = ownValue(read.manifest.files, target.name)
      manifest.recorded = recorded ?? null
      if (recorded === undefined) {
        manifest.status = 'unlisted'
        warnings.push(fileProblem(`${manifestShown} does not list ${target.name}, so its checksum is not pinned: run \`${rerun}\``))
      } else if (recorded !== sha256) {
        manifest.status = 'drift'
        errors.push(fileProblem(`checksum drift: ${target.name} is ${sha256} but ${manifestShown} records ${recorded}; if the change is intended run \`${rerun}\``))
      } else {
        manifest.status = 'match'
      }
    }
  } else if (options.writeManifest) {
    errors.push(fileProblem('--write-manifest needs a registry file on disk: name it, e.g. `townlet affordances validate --file configs/affordances/core.yaml --write-manifest`'))
  }

  return {
    file: target.display,
    name: target.name,
    sha256,
    affordances: manifestData ? manifestData.affordances.length : null,
    object_types: manifestData ? Object.keys(manifestData.object_types).length : null,
    errors,
    warnings,
    strict: options.strict,
    manifest,
    ok: !failing()
  }
}

function toProblem(issue: ConfigIssue, file: string): Problem {
  return {
    file: issue.file ?? file,
    ...(issue.line !== undefined ? { line: issue.line, col: issue.col ?? 1 } : {}),
    path: issue.path,
    message: issue.message
  }
}
