/**
 * `townlet config <set-stage|schedule>`: edit a shard config's social reward stage and its
 * per-cycle schedule in place, keeping the file's comments and layout. Every edit is validated
 * with the real config loader before anything is written, shown as a diff, and written atomically
 * (temp file, fsync, rename); `--dry-run` shows the diff and writes nothing.
 */
import { dirname } from 'node:path'
import { parseDocument } from 'yaml'
import { describeConfigError } from '../config/describe-config-error'
import { embeddedAffordances, loadAffordanceFile } from '../config/load-affordances'
import { parseConfigText, MAX_CONFIG_BYTES } from '../config/load-config'
import { writeFileAtomic } from '../fs/atomic-write'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { lineDiff } from './line-diff'
import { parseCommandArgs } from './parse-args'
import { cliFiles, readCliText, WORKSPACE_OPTION } from './cli-workspace'
import type { ShardFiles } from '../shard/shard'
import { describeSchedule, editSchedule, parseStage, parseStep, setStage, type StageEdit } from './social-stage-edit'

export async function configCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === 'set-stage') return setStageCommand(rest, io)
  if (sub === 'schedule') return scheduleCommand(rest, io)
  throw new UsageError(`${sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`}: use \`townlet config set-stage\` or \`townlet config schedule\`\nSee: townlet help config`)
}

async function setStageCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('config', argv, {
    config: { type: 'string' },
    stage: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    ...WORKSPACE_OPTION
  })
  if (args.stage === undefined) throw new UsageError('--stage is required: one of OFF, C1, C2, C3\nSee: townlet help config')
  const stage = parseStage(args.stage)
  const files = await cliFiles(io, args.workspace)
  const { path, text } = await readConfig(args.config, files)
  return apply(io, files, path, args.config!, text, setStage(text, stage), args['dry-run'])
}

async function scheduleCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('config', argv, {
    config: { type: 'string' },
    add: { type: 'string', multiple: true },
    remove: { type: 'string', multiple: true },
    clear: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    ...WORKSPACE_OPTION
  })
  const add = (args.add ?? []).map(parseStep)
  const remove = (args.remove ?? []).map((raw) => {
    if (!/^\d{1,7}$/.test(raw.trim())) throw new UsageError(`--remove takes a cycle number, got "${raw}"`)
    return Number(raw)
  })
  const files = await cliFiles(io, args.workspace)
  const { path, text } = await readConfig(args.config, files)
  if (add.length === 0 && remove.length === 0 && !args.clear) {
    const steps = describeSchedule(text)
    io.stdout.write(steps.length === 0 ? `${args.config}: no social reward schedule (features.stages.social_rewards applies throughout)\n` : `${args.config}: social reward schedule\n${steps.map((s) => `  ${s}\n`).join('')}`)
    return EXIT.ok
  }
  return apply(io, files, path, args.config!, text, editSchedule(text, { add, remove, clear: args.clear }), args['dry-run'])
}

/** The config to edit: inside the workspace (links followed), a regular file of at most 2 MiB. */
async function readConfig(raw: string | undefined, files: ShardFiles): Promise<{ path: string; text: string }> {
  if (raw === undefined || raw === '') throw new UsageError('--config is required: the shard config YAML to edit\nSee: townlet help config')
  return readCliText(files, raw, 'config', MAX_CONFIG_BYTES)
}

/** Validate, show and (unless a dry run) write an edit; `name` is the path as the user typed it. */
async function apply(io: CliIo, files: ShardFiles, path: string, name: string, before: string, edit: StageEdit, dryRun: boolean): Promise<number> {
  if (edit.changes.length === 0) {
    io.stdout.write(`${name}: nothing to change\n`)
    return EXIT.ok
  }
  const loaded = parseConfigText(edit.text, path, await affordancesFor(files, path, edit.text))
  if (!loaded.ok) throw new UsageError(`the edited config would not load, so nothing was written:\n${describeConfigError(loaded.error)}`)
  const diff = lineDiff(before, edit.text)
  const note = edit.layoutKept ? [] : ['note: the file could not be edited line by line, so it was re-rendered whole (comments kept, spacing normalised)']
  io.stdout.write([`${name}:`, ...edit.changes.map((c) => `  ${c}`), ...note, '', `--- ${name}`, `+++ ${name}${dryRun ? ' (dry run)' : ''}`, ...diff, ''].join('\n'))
  if (dryRun) {
    io.stdout.write('dry run: nothing written\n')
    return EXIT.ok
  }
  await writeFileAtomic(path, edit.text)
  io.stdout.write(`wrote ${name}\n`)
  return EXIT.ok
}

/** The affordance registry the edited config names (relative to it), as the loader would load it. */
async function affordancesFor(files: ShardFiles, path: string, text: string) {
  const file = parseDocument(text).getIn(['affordances', 'file'])
  return typeof file === 'string' && file.length > 0 ? loadAffordanceFile(file, files.workspace, dirname(path)) : embeddedAffordances()
}
