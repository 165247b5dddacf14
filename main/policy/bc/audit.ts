/**
 * `townlet policy audit`: recompute every checksum versions.json depends on — each dataset's
 * manifest and every file the manifest lists, each model's bytes — and report what does not
 * match. Failures: a missing file, a size or sha256 mismatch, an unreadable manifest or registry.
 * Warnings: a model without its sidecar, or a sidecar that disagrees with the registry.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readDatasetManifest, sha256Hex } from './dataset'
import { sidecarPath } from './publish-model'
import { readVersions, resolveRegistryPath } from './versions-registry'

export interface AuditFinding {
  level: 'fail' | 'warn'
  message: string
  file?: string
}

export interface AuditEntry {
  name: string
  kind: 'dataset' | 'model'
  status?: string
  checked: number
  findings: AuditFinding[]
}

export interface AuditReport {
  versions_path: string
  entries: AuditEntry[]
  failures: number
  warnings: number
  ok: boolean
}

async function fileSha(path: string): Promise<{ sha256: string; bytes: number } | { missing: true } | { error: string }> {
  try {
    const bytes = await readFile(path)
    return { sha256: sha256Hex(bytes), bytes: bytes.byteLength }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true }
    return { error: (e as Error).message }
  }
}

async function auditDataset(versionsPath: string, name: string, entry: { dir: string; manifest: string; sha256: string; status: string }): Promise<AuditEntry> {
  const out: AuditEntry = { name, kind: 'dataset', status: entry.status, checked: 0, findings: [] }
  const fail = (message: string, file?: string) => out.findings.push({ level: 'fail', message, ...(file ? { file } : {}) })
  const dir = resolveRegistryPath(versionsPath, entry.dir)
  const manifestPath = resolveRegistryPath(versionsPath, entry.manifest)
  if (manifestPath !== join(dir, 'manifest.json')) fail(`the manifest ${entry.manifest} is not in the dataset folder ${entry.dir}`, manifestPath)
  const pinned = await readDatasetManifest(dir, entry.sha256)
  out.checked += 1
  if (!pinned.ok) fail(pinned.error.message, manifestPath)
  // A changed manifest may still list its files: check them too, so the report says what else moved.
  const read = pinned.ok || pinned.error.code !== 'policy.checksum_mismatch' ? pinned : await readDatasetManifest(dir)
  if (!read.ok) return out
  for (const f of read.value.manifest.files) {
    const path = join(dir, f.name)
    const got = await fileSha(path)
    out.checked += 1
    if ('missing' in got) fail(`${f.name} is missing`, path)
    else if ('error' in got) fail(`${f.name} cannot be read: ${got.error}`, path)
    else if (got.sha256 !== f.sha256 || got.bytes !== f.bytes) fail(`${f.name} does not match the manifest (${got.bytes} bytes, sha256 ${got.sha256}; manifest: ${f.bytes} bytes, ${f.sha256})`, path)
  }
  return out
}

async function auditModel(versionsPath: string, name: string, entry: { file: string; sha256: string; dataset: string; accuracy: number }, datasets: Set<string>): Promise<AuditEntry> {
  const out: AuditEntry = { name, kind: 'model', checked: 1, findings: [] }
  const path = resolveRegistryPath(versionsPath, entry.file)
  const got = await fileSha(path)
  if ('missing' in got) out.findings.push({ level: 'fail', message: `${entry.file} is missing`, file: path })
  else if ('error' in got) out.findings.push({ level: 'fail', message: `${entry.file} cannot be read: ${got.error}`, file: path })
  else if (got.sha256 !== entry.sha256) out.findings.push({ level: 'fail', message: `${entry.file} has sha256 ${got.sha256}; versions.json pins ${entry.sha256}`, file: path })
  // A model trained on several datasets names them joined by "+".
  for (const name of entry.dataset.split('+')) {
    if (!datasets.has(name)) out.findings.push({ level: 'warn', message: `its dataset "${name}" is not in versions.json` })
  }
  const sidecar = sidecarPath(path)
  try {
    const facts = JSON.parse(await readFile(sidecar, 'utf8')) as { sha256?: unknown }
    if (facts.sha256 !== entry.sha256) out.findings.push({ level: 'fail', message: `its sidecar pins sha256 ${String(facts.sha256)}; versions.json pins ${entry.sha256}`, file: sidecar })
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT'
    out.findings.push({ level: 'warn', message: missing ? 'its sidecar manifest is missing' : `its sidecar manifest is unreadable: ${(e as Error).message}`, file: sidecar })
  }
  return out
}

export async function auditVersions(versionsPath: string): Promise<AuditReport> {
  const read = await readVersions(versionsPath)
  const entries: AuditEntry[] = []
  if (!read.ok || read.absent) {
    const message = read.ok ? `${versionsPath} does not exist: nothing is registered there (capture a dataset or pass --versions)` : read.message
    entries.push({ name: 'versions.json', kind: 'dataset', checked: 0, findings: [{ level: 'fail', message, file: versionsPath }] })
  } else {
    const { datasets, models } = read.versions
    for (const [name, entry] of Object.entries(datasets)) entries.push(await auditDataset(versionsPath, name, entry))
    const names = new Set(Object.keys(datasets))
    for (const [name, entry] of Object.entries(models)) entries.push(await auditModel(versionsPath, name, entry, names))
  }
  const all = entries.flatMap((e) => e.findings)
  const failures = all.filter((f) => f.level === 'fail').length
  return { versions_path: versionsPath, entries, failures, warnings: all.length - failures, ok: failures === 0 }
}

export function formatAudit(report: AuditReport): string {
  const lines: string[] = []
  for (const e of report.entries) {
    const fails = e.findings.filter((f) => f.level === 'fail').length
    lines.push(`${fails > 0 ? 'FAIL' : 'ok  '} ${e.kind} ${e.name}${e.status ? ` (${e.status})` : ''}: ${e.checked} checksum${e.checked === 1 ? '' : 's'} checked`)
    for (const f of e.findings) lines.push(`     ${f.level === 'fail' ? 'error' : 'warning'}: ${f.message}`)
  }
  lines.push(`${report.failures} failure${report.failures === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'} in ${report.versions_path}`)
  return `${lines.join('\n')}\n`
}
