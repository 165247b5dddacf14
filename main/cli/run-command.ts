/**
 * `townlet run`: the shard headless, in this process, as fast as it goes. The same Shard the app
 * runs in its worker, stepped in chunks sized to about 20 ms so the progress bar stays live.
 */
import { realScheduler } from '../shard/scheduler'
import { Shard } from '../shard/shard'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { loadCliConfig } from './load-cli-config'
import { integerOption, parseCommandArgs } from './parse-args'
import { ProgressBar } from './progress-bar'

const CHUNK_TARGET_MS = 20

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('run', argv, {
    config: { type: 'string' },
    ticks: { type: 'string' },
    json: { type: 'boolean', default: false }
  })
  const ticks = integerOption('ticks', args.ticks, { min: 1, max: 1_000_000_000 })
  if (ticks === undefined) throw new UsageError('townlet run needs --ticks N (how many ticks to run)\nSee: townlet help run')
  const loaded = await loadCliConfig(args.config, io.cwd)

  const shard = new Shard(loaded, { scheduler: realScheduler })
  const now = () => performance.now()
  const bar = new ProgressBar(io.stderr, ticks, now)
  const started = now()
  let done = 0
  let chunk = 1
  while (done < ticks) {
    const size = Math.min(chunk, ticks - done)
    const chunkStart = now()
    shard.step(size)
    done += size
    const spent = now() - chunkStart
    // Grow or shrink the next chunk towards the target duration.
    chunk = Math.max(1, Math.round(spent > 0 ? (size * CHUNK_TARGET_MS) / spent : size * 2))
    bar.update(done, (done * 1000) / Math.max(now() - started, 1e-6))
    // Let signals and the event loop breathe between chunks.
    await new Promise((r) => setImmediate(r))
  }
  const seconds = (now() - started) / 1000
  bar.finish()
  const view = shard.view()
  shard.dispose()
  const tps = ticks / Math.max(seconds, 1e-9)
  if (args.json) {
    io.stdout.write(`${JSON.stringify({ config_id: view.config.config_id, seed: view.config.seed, ticks, final_tick: view.tick, seconds, ticks_per_second: tps })}\n`)
  } else {
    io.stdout.write(
      `ran ${ticks} ticks of ${view.config.config_id} (seed ${view.config.seed}) in ${seconds.toFixed(3)} s: ${formatRate(tps)} ticks/s, final tick ${view.tick}\n`
    )
  }
  return EXIT.ok
}

function formatRate(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}
