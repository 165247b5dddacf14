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

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`townlet: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exitCode = 1
  }
)
