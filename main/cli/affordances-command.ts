/**
 * `townlet affordances <subcommand>`: tools for affordance registry files. Today one,
 * `validate`, so CI and editors can check a registry (and its pinned checksum) without loading
 * a shard.
 */
import { EXIT, UsageError, type CliIo } from './cli-io'
import { resolveTarget } from './affordance-target'
import { formatReport } from './format-validation'
import { parseCommandArgs } from './parse-args'
import { cliFiles, WORKSPACE_OPTION } from './cli-workspace'
import { validateAffordances } from './validate-affordances'

export async function affordancesCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === 'validate') return validateCommand(rest, io)
  throw new UsageError(
    `${sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`}: use \`townlet affordances validate\`\nSee: townlet help affordances`
  )
}

async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('affordances', argv, {
    file: { type: 'string' },
    config: { type: 'string' },
    manifest: { type: 'string' },
    strict: { type: 'boolean', default: false },
    'write-manifest': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    ...WORKSPACE_OPTION
  })
  for (const name of ['file', 'config', 'manifest'] as const) {
    if (args[name] === '') throw new UsageError(`--${name} needs a path\nSee: townlet help affordances`)
  }
  const files = await cliFiles(io, args.workspace)
  const target = await resolveTarget({ file: args.file, config: args.config, manifest: args.manifest }, io.cwd, files)
  const report = await validateAffordances(target, { strict: args.strict, writeManifest: args['write-manifest'], cwd: io.cwd })
  io.stdout.write(args.json ? `${JSON.stringify(report)}\n` : formatReport(report, args['write-manifest']))
  return report.ok ? EXIT.ok : EXIT.usage
}
