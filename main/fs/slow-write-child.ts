/**
 * Child process for atomic-write.test.ts (run with `node --import tsx`): starts an atomic write
 * that holds just before its rename, says "staged <temp dir listing>" on stdout, and waits to be
 * signalled — the moment a Ctrl+C would leave a temp file behind.
 *
 * argv: <file> <mode>
 *   plain         no signal handler of its own: SIGINT/SIGTERM must still kill the process
 *   own-exit      an app handler takes SIGTERM and lets the process end with exit code 7
 *   own-graceful  an app handler takes SIGTERM and lets the pending write finish (graceful shutdown)
 */
import { readdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { writeFileAtomic } from './atomic-write'

const [file, mode] = process.argv.slice(2)
if (file === undefined || mode === undefined) throw new Error('usage: slow-write-child.ts <file> <plain|own-exit|own-graceful>')

// Nothing else keeps the event loop alive while the write waits on its hook.
const keepAlive = setInterval(() => undefined, 1_000)
let release: () => void = () => undefined

if (mode === 'own-exit') {
  process.once('SIGTERM', () => {
    process.stdout.write('own handler\n')
    process.exitCode = 7
    clearInterval(keepAlive)
  })
}
if (mode === 'own-graceful') {
  process.once('SIGTERM', () => {
    process.stdout.write('own handler\n')
    release()
  })
}

writeFileAtomic(file, 'new', {
  beforeRename: () =>
    new Promise<void>((resolve) => {
      release = resolve
      process.stdout.write(`staged ${readdirSync(dirname(file)).join(',')}\n`)
    })
}).then(
  () => {
    process.stdout.write('written\n')
    clearInterval(keepAlive)
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
    clearInterval(keepAlive)
  }
)
