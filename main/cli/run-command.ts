/**
 * `townlet run`: the shard headless, in this process, as fast as it goes. The same Shard the app
 * runs in its worker, stepped in chunks sized to about 20 ms so the progress bar stays live.
 * `--agents`/`--seed` override the config, `--hash` prints the final state's sha256 and
 * `--events` records every event, so two runs can be compared without the app.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { describeConfigError } from '../config/describe-config-error'
import { withOverrides, type ConfigOverrides } from '../config/config-overrides'
import type { LoadedConfig } from '../config/load-config'
import { realScheduler } from '../shard/scheduler'
import { Shard } from '../shard/shard'
import { hashWorld } from '../sim/hash/hash-world'
import { EXIT, UsageError, type CliIo } from './cli-io'
import { EventsFile } from './events-file'
import { loadCliConfig } from './load-cli-config'
import { integerOption, parseCommandArgs } from './parse-args'
import { ProgressBar } from './progress-bar'

const CHUNK_TARGET_MS = 20
/** The schema's population limit: beyond it a town takes minutes to build and gigabytes to hold. */
const MAX_AGENTS = 100_000

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandArgs('run', argv, {
    config: { type: 'string' },
    ticks: { type: 'string' },
    agents: { type: 'string' },
    seed: { type: 'string' },
    hash: { type: 'boolean', default: false },
    events: { type: 'string' },
    json: { type: 'boolean', default: false }
  })
  const ticks = integerOption('ticks', args.ticks, { min: 1, max: 1_000_000_000 })
  if (ticks === undefined) throw new UsageError('townlet run needs --ticks N (how many ticks to run)\nSee: townlet help run')
  const overrides: ConfigOverrides = {
    agents: integerOption('agents', args.agents, { min: 1, max: MAX_AGENTS }),
    seed: integerOption('seed', args.seed, { min: 0, max: Number.MAX_SAFE_INTEGER })
  }
  if (args.events === '') throw new UsageError('--events needs a file name, e.g. --events events.jsonl')
  const loaded = await loadCliConfig(args.config, io.cwd)
  const overridden = withOverrides(loaded, overrides)
  if (!overridden.ok) throw new UsageError(describeConfigError(overridden.error))
  noteDroppedAgents(loaded, overridden.value, io)

  const events = args.events === undefined ? undefined : await EventsFile.create(resolve(io.cwd, args.events))
  const shard = new Shard(overridden.value, { scheduler: realScheduler, ...(events ? { onEvents: (list) => events.add(list) } : {}) })
  let seconds: number
  try {
    seconds = await stepAll(shard, ticks, io, events)
    await events?.commit()
  } catch (e) {
    await events?.abort()
    throw e
  } finally {
    shard.dispose()
  }
  const view = shard.view()
  const world = shard.simulation.world
  const agents = world.state.agents.count
  const hash = args.hash ? hashWorld(world, sha256hex) : null
  const tps = ticks / Math.max(seconds, 1e-9)
  if (args.json) {
    const summary = {
      config_id: view.config.config_id,
      seed: view.config.seed,
      agents,
      ticks,
      final_tick: view.tick,
      seconds,
      ticks_per_second: tps,
      hash,
      events: events ? events.count : null
    }
    io.stdout.write(`${JSON.stringify(summary)}\n`)
  } else {
    io.stdout.write(
      `ran ${ticks} ticks of ${view.config.config_id} (seed ${view.config.seed}, ${agents} agents) in ${seconds.toFixed(3)} s: ${formatRate(tps)} ticks/s, final tick ${view.tick}\n`
    )
    if (events) io.stdout.write(`wrote ${events.count} events to ${args.events}\n`)
    if (hash !== null) io.stdout.write(`sha256 ${hash}\n`)
  }
  return EXIT.ok
}

/** Step the shard `ticks` ticks in chunks of about CHUNK_TARGET_MS; returns the seconds spent. */
async function stepAll(shard: Shard, ticks: number, io: CliIo, events: EventsFile | undefined): Promise<number> {
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
    await events?.flush()
    // Let signals and the event loop breathe between chunks.
    await new Promise((r) => setImmediate(r))
  }
  const seconds = (now() - started) / 1000
  bar.finish()
  return seconds
}

/** Say on stderr when --agents changed the town or left hand-placed agents out, so a changed run is no surprise. */
function noteDroppedAgents(before: LoadedConfig, after: LoadedConfig, io: CliIo): void {
  const drawn = before.config.world.layout !== undefined && after.config.world.layout === undefined
  const placed = before.config.world.agents
  const mapBound = drawn ? placed.filter((a) => a.home !== undefined || a.at !== undefined).length : 0
  const beyond = placed.length - mapBound - after.config.world.agents.length
  const parts: string[] = []
  if (drawn) parts.push(`--agents replaces the drawn town of ${before.summary.config_id} with a generated one sized for ${after.config.world.population} agents`)
  if (mapBound > 0) parts.push(`${mapBound} hand-placed agent${mapBound === 1 ? '' : 's'} naming a home or tile on the drawn map ${mapBound === 1 ? 'is' : 'are'} left out`)
  if (beyond > 0) parts.push(`${beyond} hand-placed agent${beyond === 1 ? '' : 's'} beyond --agents ${beyond === 1 ? 'is' : 'are'} left out`)
  if (parts.length > 0) io.stderr.write(`note: ${parts.join('; ')}\n`)
}

function sha256hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function formatRate(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}
