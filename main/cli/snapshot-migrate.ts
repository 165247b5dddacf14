/**
 * `townlet snapshot migrate FILE --config TARGET --output DIR [--dry-run] [--json]`: migrate a
 * snapshot (or import a legacy 1.x document) to TARGET's config_id along the registered chain,
 * and save the result as a new file in DIR (inside the workspace). The source file is never
 * modified; a failing step, a missing path or a result the target town cannot take writes
 * nothing. `--dry-run` prints the chain, each step's description and the diff, and writes nothing.
 */
import { isGzip } from '../snapshots/snapshot-codec'
import { builtinMigrations } from '../snapshots/builtin-migrations'
import { prepareMigration } from '../snapshots/migrate-snapshot'
import { versionLabel } from '../snapshots/migration-registry'
import { readSnapshotBytes } from '../snapshots/snapshot-files'
import { SnapshotStore } from '../snapshots/snapshot-store'
import { renderLegacyReport } from '../snapshots/legacy/render-report'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { cliFiles, WORKSPACE_OPTION } from './cli-workspace'
import { loadCliConfig } from './load-cli-config'
import { refuse, snapshotArgs } from './snapshot-cli-args'
import { formatDiff } from './snapshot-text'

export async function migrateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = snapshotArgs(
    'migrate',
    argv,
    { config: { type: 'string' }, output: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, ...WORKSPACE_OPTION },
    { names: ['FILE'] }
  )
  const json = values.json === true
  const dryRun = values['dry-run'] === true
  if (values.config === undefined || values.config === '') throw new UsageError('--config is required: the config to migrate the snapshot to\nSee: townlet help snapshot')
  if (!dryRun && (values.output === undefined || values.output === '')) throw new UsageError('--output is required: the folder (inside the workspace) for the migrated snapshot; the source is never changed\nSee: townlet help snapshot')
  const files = await cliFiles(io, values.workspace as string | undefined)
  const target = await loadCliConfig(values.config as string, files)
  const file = positionals[0]!
  const read = await readSnapshotBytes(file, files)
  if (!read.ok) return refuse(io, json, read.error)
  const prepared = prepareMigration(read.value.bytes, target, builtinMigrations())
  if (!prepared.ok) return refuse(io, json, prepared.error)
  const { doc, chain, diff, report, source } = prepared.value

  let written: { name: string; path: string; bytes: number } | null = null
  if (!dryRun && chain.length > 0) {
    const store = await SnapshotStore.open(files, values.output as string)
    if (!store.ok) return refuse(io, json, store.error)
    written = await store.value.save(doc, { gzip: isGzip(read.value.bytes) })
  }
  const summary = {
    source: file,
    from: versionLabel(source),
    legacy: source.legacy,
    target_config_id: target.summary.config_id,
    chain: chain.map((s) => ({ id: s.id, description: s.description, from: versionLabel(s.from), to: versionLabel(s.to) })),
    diff: { a: file, b: written?.name ?? '(migrated)', sections: diff },
    report,
    dry_run: dryRun,
    output: written ? { name: written.name, path: written.path, bytes: written.bytes } : null
  }
  if (json) {
    io.stdout.write(`${JSON.stringify(summary)}\n`)
    return EXIT.ok
  }
  const lines = [`${file}: ${summary.from} → ${target.summary.config_id}@${doc.schema_version}`]
  if (chain.length === 0) lines.push('already the target config_id and schema: nothing to migrate, nothing written')
  for (const [i, s] of summary.chain.entries()) lines.push(`  ${i + 1}. ${s.id} (${s.from} → ${s.to})`, `     ${s.description}`)
  if (report) lines.push('', ...renderLegacyReport(report))
  if (chain.length > 0) lines.push('', formatDiff(summary.diff).trimEnd())
  if (dryRun) lines.push('dry run: nothing written')
  else if (written) lines.push(`wrote ${written.path} (${written.bytes} bytes); ${file} is unchanged`)
  io.stdout.write(`${lines.join('\n')}\n`)
  return EXIT.ok
}
