/**
 * PPO training-log tools on a 100,000-epoch log (`npm run bench -- ppo-log [EPOCHS]`): the log
 * is written from the contract (1.2 records with anneal and baseline fields, rotated every
 * 25,000 records as the producer's max_log_entries would), then `townlet telemetry summary`,
 * `validate` and `watch` run in-process on it, as a user runs them. Time, and peak memory
 * sampled while each runs (heap above what was live before, and the process RSS). Not a test:
 * nothing here asserts a speed.
 */
import { open, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CliIo } from '../main/cli/cli-io'
import { telemetryCommand } from '../main/cli/telemetry-command'
import { sampleRecord } from '../main/training/ppo-log/sample-records'
import { PeakMemory, mib, retainedHeap } from './memory'
import { count, formatTable } from './table'

const PER_FILE = 25_000

async function writeLog(dir: string, epochs: number): Promise<number> {
  let bytes = 0
  for (let file = 0; file * PER_FILE < epochs; file++) {
    const handle = await open(join(dir, file === 0 ? 'ppo.jsonl' : `ppo.jsonl.${file}`), 'w')
    let text = ''
    for (let e = file * PER_FILE + 1; e <= Math.min(epochs, (file + 1) * PER_FILE); e++) {
      text += `${JSON.stringify(sampleRecord(e, { anneal: e % 10 === 0, baseline: true }))}\n`
      if (text.length > 1 << 20) {
        bytes += Buffer.byteLength(text)
        await handle.write(text)
        text = ''
      }
    }
    bytes += Buffer.byteLength(text)
    await handle.write(text)
    await handle.close()
  }
  return bytes
}

async function timed(dir: string, argv: string[]): Promise<string[]> {
  let outBytes = 0
  const io: CliIo = {
    stdout: { write: (t: string) => (outBytes += t.length) },
    stderr: { write: (t: string) => (outBytes += t.length) },
    env: {},
    cwd: dir,
    paths: { workerPath: '', rendererDir: '', configsDir: dir },
    version: 'bench',
    shutdownSignal: () => new Promise(() => undefined)
  }
  const before = retainedHeap()
  const peak = new PeakMemory()
  const sampler = setInterval(() => peak.sample(), 5)
  const t0 = performance.now()
  const code = await telemetryCommand(argv, io)
  const ms = performance.now() - t0
  clearInterval(sampler)
  peak.sample()
  return [`townlet telemetry ${argv.join(' ')}`, `${count(ms / 1000, 2)} s`, mib(Math.max(0, peak.heapUsed - before)), mib(peak.rss), `exit ${code}, ${count(outBytes / 1024)} KiB out`]
}

export async function ppoLogReport(epochs = 100_000): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ppo-log-bench-'))
  try {
    const bytes = await writeLog(dir, epochs)
    const rows = [
      await timed(dir, ['summary', 'ppo.jsonl', '--format', 'json']),
      await timed(dir, ['summary', 'ppo.jsonl', '--last', '1000']),
      await timed(dir, ['validate', 'ppo.jsonl']),
      await timed(dir, ['watch', 'ppo.jsonl', '--kl-threshold', '1'])
    ]
    return [
      `PPO training log: ${count(epochs)} epochs, ${count(bytes / 1024 / 1024, 1)} MiB in ${Math.ceil(epochs / PER_FILE)} rotated files (1.2 records; heap = peak above what was live before):`,
      ...formatTable(['command', 'time', 'peak heap', 'peak RSS', 'result'], rows)
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
