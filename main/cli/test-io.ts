/** A CliIo for tests: commands run in-process with their output captured. */
import { join } from 'node:path'
import { repoRoot } from '../host/test-host'
import type { CliIo } from './cli-io'

export function fakeIo(overrides: Partial<CliIo> = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    env: {},
    cwd: repoRoot,
    version: '9.9.9',
    paths: { workerPath: join(repoRoot, 'main/host/source-worker.cjs'), rendererDir: join(repoRoot, 'nope'), configsDir: join(repoRoot, 'configs') },
    shutdownSignal: () => Promise.resolve('SIGTERM'),
    ...overrides
  }
  return { io, out: () => out.join(''), err: () => err.join('') }
}
