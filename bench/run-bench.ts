/**
 * `npm run bench -- run`: what a user gets from `townlet run` next to what the engine can do.
 * Per size, the same `bench-N` town (bench/engine-config.ts) from tick 0, the same ticks:
 *   - `townlet run`: the CLI's own runCommand, in-process, on a config file written to a scratch
 *     folder (so: the Shard with its telemetry hub, stepped in ~20 ms chunks, no observer, no
 *     transport); its ticks/s is what the command prints (`--json`'s ticks_per_second);
 *   - the bare engine: a Simulation stepped in a plain loop (policy decide + tick + input log).
 * Each is run once to warm the JIT at that size, then the two are measured in turn, three times;
 * the best of each is kept (the 2-core machines this runs on are noisy). Ratio = engine ÷ run.
 * Where the time goes: `node --cpu-prof out/main/bench.js run 10` writes a .cpuprofile to open in
 * Chrome's DevTools (the hub shows as TelemetryHub.record under the Shard's step).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCommand } from '../main/cli/run-command'
import type { CliIo } from '../main/cli/cli-io'
import { Simulation } from '../main/shard/simulation'
import { engineConfigText, loadEngineConfig } from './engine-config'
import { count, formatTable } from './table'

/** Ticks per measured run: modest for big towns so the whole section stays under a minute. */
const SIZES: { agents: number; ticks: number }[] = [
  { agents: 10, ticks: 20_000 },
  { agents: 100, ticks: 5_000 },
  { agents: 1_000, ticks: 2_000 },
  { agents: 10_000, ticks: 150 }
]
const RUNS = 3

/** What `townlet run --json` prints that the benches read. */
export interface RunSummary {
  ticks_per_second: number
  final_tick: number
  telemetry?: { messages: number; sent: number; dropped: number; errors: number }
}

/** One `townlet run --config F --ticks N --json [extra…]`, in-process; answers its JSON summary and the wall seconds it took. */
export async function townletRunSummary(root: string, dir: string, agents: number, ticks: number, extra: string[] = []): Promise<{ summary: RunSummary; seconds: number }> {
  const config = join(dir, `bench-${agents}.yaml`)
  await writeFile(config, engineConfigText(agents))
  let out = ''
  const io: CliIo = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: () => true },
    env: {},
    cwd: dir,
    paths: { workerPath: join(root, 'out/main/shard-worker.js'), rendererDir: join(root, 'out/renderer'), configsDir: join(root, 'configs') },
    version: 'bench',
    shutdownSignal: () => new Promise<string>(() => undefined)
  }
  const start = performance.now()
  const code = await runCommand(['--config', config, '--ticks', String(ticks), '--json', ...extra], io)
  const seconds = (performance.now() - start) / 1000
  if (code !== 0) throw new Error(`townlet run exited ${code}`)
  const summary = JSON.parse(out) as RunSummary
  if (summary.final_tick !== ticks) throw new Error(`townlet run stopped at tick ${summary.final_tick} of ${ticks}`)
  return { summary, seconds }
}

/** One `townlet run --config F --ticks N --json`; answers the ticks/s it reported. */
async function townletRun(root: string, dir: string, agents: number, ticks: number): Promise<number> {
  return (await townletRunSummary(root, dir, agents, ticks)).summary.ticks_per_second
}

/** The bare engine on the same town for the same ticks; ticks/s of the stepping alone. */
function bareEngine(agents: number, ticks: number): number {
  const sim = new Simulation(loadEngineConfig(agents), { logLimit: 10_000 })
  const start = performance.now()
  for (let i = 0; i < ticks; i++) sim.step()
  return ticks / ((performance.now() - start) / 1000)
}

/** Both warmed at this size first, then measured in turn (so neither gets the other's JIT or GC state alone); best of RUNS each. */
async function bestOfBoth(cli: () => Promise<number>, engine: () => number): Promise<{ cli: number; engine: number }> {
  await cli()
  engine()
  let top = { cli: 0, engine: 0 }
  for (let r = 0; r < RUNS; r++) top = { cli: Math.max(top.cli, await cli()), engine: Math.max(top.engine, engine()) }
  return top
}

export async function runReport(root: string, only?: number): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-run-bench-'))
  const rows: string[][] = []
  try {
    for (const { agents, ticks } of SIZES) {
      if (only !== undefined && only !== agents) continue
      const { cli, engine } = await bestOfBoth(
        () => townletRun(root, dir, agents, ticks),
        () => bareEngine(agents, ticks)
      )
      rows.push([count(agents), count(ticks), count(cli), count(engine), `${(engine / cli).toFixed(2)}×`])
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return [
    `townlet run (Shard + telemetry hub, no observer, no transport) against the bare engine, ${RUNS} runs after a warm-up, best kept`,
    ...formatTable(['agents', 'ticks', 'townlet run ticks/s', 'engine ticks/s', 'engine ÷ run'], rows)
  ]
}
