/**
 * `townlet snapshot inspect|validate|migrate|diff|list`: the snapshot manager from the command
 * line, each with `--json`. Files resolve inside the workspace (the working folder or
 * `--workspace`, and the shipped configs). Exit 0 on success, 2 when a file cannot be used (its
 * snapshot.* code and what to do, on stderr; with --json also as `{ok: false, error}` on
 * stdout), 1 on a runtime failure (a write that fails).
 */
import type { SnapshotDiffDto } from '../../shared/contract/dto/snapshots'
import { builtinMigrations } from '../snapshots/builtin-migrations'
import { decodeSnapshotWithNotes } from '../snapshots/snapshot-codec'
import { inspectionOf, verdictOf } from '../snapshots/snapshot-manager'
import { diffDocuments } from '../snapshots/snapshot-diff'
import { readSnapshotBytes, readSnapshotChecked } from '../snapshots/snapshot-files'
import { SnapshotStore } from '../snapshots/snapshot-store'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { JSON_OPTION, refuse, snapshotArgs } from './snapshot-cli-args'
import { cliFiles, WORKSPACE_OPTION } from './cli-workspace'
import { loadCliConfig } from './load-cli-config'
import { migrateCommand } from './snapshot-migrate'
import { formatDiff, formatEntry, formatInspection, formatVerdict } from './snapshot-text'

const SUBCOMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = { inspect, validate, migrate: migrateCommand, diff, list }

export async function snapshotCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  const handler = sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined
  if (!handler) throw new UsageError(`${sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub.slice(0, 40)}"`}: use inspect, validate, migrate, diff or list\nSee: townlet help snapshot`)
  return handler(rest, io)
}

async function inspect(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = snapshotArgs('inspect', argv, { ...JSON_OPTION, ...WORKSPACE_OPTION }, { names: ['FILE'] })
  const files = await cliFiles(io, values.workspace as string | undefined)
  const file = positionals[0]!
  const read = await readSnapshotChecked(file, files, { allowDowngrade: true })
  if (!read.ok) return refuse(io, values.json === true, read.error)
  const inspection = await inspectionOf(read.value, files)
  io.stdout.write(values.json ? `${JSON.stringify(inspection)}\n` : formatInspection(file, inspection))
  return EXIT.ok
}

async function validate(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = snapshotArgs('validate', argv, { config: { type: 'string' }, strict: { type: 'boolean', default: false }, ...JSON_OPTION, ...WORKSPACE_OPTION }, { names: ['FILE'] })
  const files = await cliFiles(io, values.workspace as string | undefined)
  const loaded = await loadCliConfig(values.config as string | undefined, files)
  const registry = builtinMigrations()
  const read = await readSnapshotBytes(positionals[0]!, files)
  const decoded = read.ok ? decodeSnapshotWithNotes(read.value.bytes, { allowDowngrade: loaded.config.snapshot.guardrails.allow_downgrade }) : read
  // Past the guardrails, the town itself must take the world: restored as a load would.
  const verdict = verdictOf(decoded, loaded, registry)
  const strictFail = values.strict === true && verdict.verdict === 'warn'
  const out = { config_id: loaded.summary.config_id, strict: values.strict === true, ...verdict }
  io.stdout.write(values.json ? `${JSON.stringify(out)}\n` : formatVerdict(positionals[0]!, out))
  if (strictFail && !values.json) io.stderr.write('townlet snapshot: --strict: a warning fails validation\n')
  return verdict.verdict === 'refused' || strictFail ? EXIT.usage : EXIT.ok
}

async function diff(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = snapshotArgs('diff', argv, { ...JSON_OPTION, ...WORKSPACE_OPTION }, { names: ['A', 'B'] })
  const files = await cliFiles(io, values.workspace as string | undefined)
  const [a, b] = positionals as [string, string]
  const docs = []
  for (const file of [a, b]) {
    const read = await readSnapshotChecked(file, files, { allowDowngrade: true })
    if (!read.ok) return refuse(io, values.json === true, { ...read.error, message: `${file}: ${read.error.message}` })
    docs.push(read.value.doc)
  }
  const result: SnapshotDiffDto = { a, b, sections: diffDocuments(docs[0]!, docs[1]!) }
  io.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatDiff(result))
  return EXIT.ok
}

async function list(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = snapshotArgs('list', argv, { config: { type: 'string' }, ...JSON_OPTION, ...WORKSPACE_OPTION }, { names: ['DIR'], optional: 1 })
  const files = await cliFiles(io, values.workspace as string | undefined)
  const root = positionals[0] ?? (values.config === undefined ? 'snapshots' : (await loadCliConfig(values.config as string, files)).config.snapshot.storage.root)
  const store = await SnapshotStore.open(files, root, { create: false })
  if (!store.ok) return refuse(io, values.json === true, store.error)
  const entries = await store.value.list()
  if (values.json) io.stdout.write(`${JSON.stringify({ root, snapshots: entries })}\n`)
  else io.stdout.write(entries.length === 0 ? `${root}: no snapshots\n` : `${root}: ${entries.length} snapshot${entries.length === 1 ? '' : 's'}\n${entries.map((e) => formatEntry(e, Date.now())).join('')}`)
  return EXIT.ok
}
