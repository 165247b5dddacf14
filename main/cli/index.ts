/**
 * Entry of the built CLI (out/main/cli.js), run by bin/townlet.cjs. Paths are computed here, in
 * the entry, because shared chunks live elsewhere and their __dirname would be wrong.
 */
import { join } from 'node:path'
import { runCli } from './cli'
import type { CliIo } from './cli-io'
import { version } from '../../package.json'

const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  version,
  paths: {
    workerPath: join(__dirname, 'shard-worker.js'),
    rendererDir: join(__dirname, '../renderer'),
    configsDir: join(__dirname, '../../configs')
  },
  shutdownSignal: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'))
      process.once('SIGTERM', () => resolve('SIGTERM'))
    })
}

/**
 * `townlet … | head -1`: once the reader has what it wants it closes the pipe, and the next write
 * fails with EPIPE, which Node raises as an unhandled 'error' event (a stack trace, exit 1). We
 * end the process at once and quietly, as SIGPIPE ends a C tool, but with exit code 0 rather than
 * 141 (128 + SIGPIPE): the reader leaving early is its choice, not a failure of the command, and
 * 141 would fail `set -o pipefail` scripts that only wanted the first line. A code the command
 * already chose (a failure being reported as the pipe closed) is kept. On stderr the same: with
 * its reader gone there is nobody left to tell. Any other stream error still surfaces.
 */
function endQuietlyOnEpipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
}
process.stdout.on('error', endQuietlyOnEpipe)
process.stderr.on('error', endQuietlyOnEpipe)

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`townlet: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exitCode = 1
  }
)
