/** townlet telemetry validate|watch|summary in-process, on logs written from the contract in temp folders. */
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sampleLog, sampleRecord } from '../training/ppo-log/sample-records'
import { runCli } from './cli'
import { fakeIo } from './test-io'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ppo-cli-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

async function cli(...argv: string[]) {
  const f = fakeIo({ cwd: dir, shutdownSignal: () => new Promise(() => undefined) })
  const code = await runCli(['telemetry', ...argv], f.io)
  return { code, out: f.out(), err: f.err() }
}
const line = (r: Record<string, unknown>) => `${JSON.stringify(r)}\n`

describe('townlet telemetry validate', () => {
  it('validates every version and rotated files, one count per file', async () => {
    await writeFile(join(dir, 'ppo.jsonl'), sampleLog(1, 4))
    await writeFile(join(dir, 'ppo.jsonl.1'), sampleLog(5, 6))
    await writeFile(join(dir, 'v10.jsonl'), sampleLog(1, 2, { version: '1.0' }))
    await writeFile(join(dir, 'v11.jsonl'), sampleLog(1, 3, { version: '1.1' }))
    const r = await cli('validate', 'ppo.jsonl', 'ppo.jsonl.1', 'v10.jsonl', 'v11.jsonl')
    expect(r).toEqual({ code: 0, err: '', out: 'ppo.jsonl: 4 record(s) validated.\nppo.jsonl.1: 2 record(s) validated.\nv10.jsonl: 2 record(s) validated.\nv11.jsonl: 3 record(s) validated.\n' })
  })

  it('exit 1 naming file and line: missing fields, a 1.0 record with 1.1 keys, malformed JSON, an empty file; mixed versions warned', async () => {
    const noKl = sampleRecord(2)
    delete noKl.kl_divergence
    await writeFile(join(dir, 'bad.jsonl'), `${line(sampleRecord(1))}${line(noKl)}${line({ ...sampleRecord(3, { version: '1.0' }), cycle_id: 1 })}{"epoch": NaN}\n`)
    await writeFile(join(dir, 'empty.jsonl'), '\n')
    const r = await cli('validate', 'bad.jsonl', 'empty.jsonl')
    expect(r.code).toBe(1)
    expect(r.out).toBe('bad.jsonl: 3 record(s), 3 problem(s).\nempty.jsonl: 0 record(s), 1 problem(s).\n')
    expect(r.err).toContain('bad.jsonl:2: error: missing required key for telemetry_version 1.2: kl_divergence\n')
    expect(r.err).toContain('bad.jsonl:3: error: telemetry_version 1.0 must not carry fields 1.1 added (cycle_id)')
    expect(r.err).toContain('bad.jsonl:3: warning: telemetry_version changes from 1.2 (bad.jsonl:2) to 1.0')
    expect(r.err).toContain('bad.jsonl:4: error: non-finite numbers are refused: epoch is NaN')
    expect(r.err).toContain('empty.jsonl: error: no telemetry records found')
  })

  it('prints the baseline drift table (with --relative) and fails past --drift-threshold', async () => {
    await writeFile(join(dir, 'ppo.jsonl'), sampleLog(1, 3, { baseline: true }))
    await writeFile(join(dir, 'base.json'), JSON.stringify({ baseline_reward_sum: 15, baseline_sample_count: 0, other: 1 }))
    const ok = await cli('validate', 'ppo.jsonl', '--baseline', 'base.json', '--relative')
    expect(ok.code).toBe(0)
    expect(ok.out).toContain('Baseline drift summary (log - baseline):')
    expect(ok.out).toMatch(/epoch \| +baseline_sample_count \| +baseline_reward_sum \| +baseline_sample_count% \| +baseline_reward_sum%/)
    expect(ok.out).toMatch(/ +1 \| +\+64\.000000 \| +\+1\.000000 \| +n\/a \| +\+6\.67%/)
    expect(ok.out).toContain('    baseline_reward_sum: +1.000000\n')
    const failed = await cli('validate', 'ppo.jsonl', '--baseline', 'base.json', '--drift-threshold', '0.5')
    expect(failed.code).toBe(1)
    expect(failed.err).toBe('ppo.jsonl: Baseline drift exceeds threshold 0.5: baseline_sample_count=+64.000000, baseline_reward_sum=+1.000000\n')
    expect((await cli('validate', 'ppo.jsonl', '--baseline', 'base.json', '--drift-threshold', '64')).code).toBe(0)
    await writeFile(join(dir, 'nobase.json'), '{"reward": 1}')
    expect(await cli('validate', 'ppo.jsonl', '--baseline', 'nobase.json')).toMatchObject({ code: 2, err: expect.stringMatching(/names none of baseline_sample_count/) })
  })

  it('exit 2: no LOG, a log outside the workspace, a bad number', async () => {
    expect((await cli('validate')).code).toBe(2)
    const outside = await cli('validate', join(tmpdir(), 'elsewhere.jsonl'))
    expect(outside).toMatchObject({ code: 2, err: expect.stringMatching(/is outside the workspace/) })
    await writeFile(join(dir, 'ppo.jsonl'), sampleLog(1, 1))
    expect((await cli('validate', 'ppo.jsonl', '--baseline', 'x', '--drift-threshold', 'lots')).code).toBe(2)
    expect((await cli('nonsense')).err).toMatch(/use check, validate, watch, summary/)
  })

  it('a 1 GB log is streamed within --max-bytes: reading stops there with an error, exit 1', async () => {
    await writeFile(join(dir, 'big.jsonl'), sampleLog(1, 200))
    const r = await cli('validate', 'big.jsonl', '--max-bytes', '50000')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/big.jsonl:\d+: error: stopped after reading 50000 bytes, the most allowed \(--max-bytes 50000\)/)
  })
})

describe('townlet telemetry watch', () => {
  it('prints one line per epoch, ends at the first breach with its message and place, exit 1', async () => {
    await writeFile(join(dir, 'ppo.jsonl'), `${line(sampleRecord(1))}${line({ ...sampleRecord(2), kl_divergence: 0.3 })}${line({ ...sampleRecord(3), kl_divergence: 0.9 })}`)
    const r = await cli('watch', 'ppo.jsonl', '--kl-threshold', '0.2')
    expect(r.code).toBe(1)
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(1)
    expect(r.out).toMatch(/^Epoch 1 \(rollout\): loss_total=/)
    expect(r.err).toBe('Epoch 2: kl_divergence 0.300000 exceeds threshold 0.2 (ppo.jsonl:2)\n')
    expect((await cli('watch', 'ppo.jsonl', '--kl-threshold', '0.9')).code).toBe(0)
  })

  it('--json prints each parsed record as one line; the anneal defaults apply without flags', async () => {
    await writeFile(join(dir, 'ppo.jsonl'), `${line(sampleRecord(1, { anneal: true }))}${line({ ...sampleRecord(2, { anneal: true }), anneal_bc_accuracy: 0.8 })}`)
    const r = await cli('watch', 'ppo.jsonl', '--json')
    expect(r.code).toBe(1)
    const first = JSON.parse(r.out.split('\n')[0]!) as Record<string, unknown>
    expect(first).toMatchObject({ epoch: 1, data_mode: 'rollout', anneal_stage: 'ppo', shower_complete_events: 0 })
    expect(first).not.toHaveProperty('loss_policy')
    expect(r.err).toBe('Epoch 2: anneal_bc_accuracy 0.800 below threshold 0.9 (ppo.jsonl:2)\n')
  })

  it('a record missing watcher keys is reported with file and line, exit 1; --mode health reads tick_health lines', async () => {
    await writeFile(join(dir, 'old.jsonl'), sampleLog(1, 1, { version: '1.0' }))
    expect(await cli('watch', 'old.jsonl')).toMatchObject({ code: 1, err: expect.stringMatching(/^old.jsonl:1: error: missing required keys for watch: batch_entropy_mean/) })
    await writeFile(join(dir, 'loop.log'), 'INFO start\nINFO tick_health tick=1 duration_ms=4.5 queue=0 dropped=0\nINFO tick_health tick=2 duration_ms=40 queue=3 dropped=0\n')
    const h = await cli('watch', 'loop.log', '--mode', 'health', '--tick-duration-max', '20')
    expect(h).toMatchObject({ code: 1, out: 'Tick 1: duration_ms=4.5, queue=0, dropped=0\n', err: 'Tick 2: duration_ms 40 exceeds threshold 20 (loop.log:3)\n' })
    expect((await cli('watch', 'loop.log', '--kl-threshold', '1', '--mode', 'health')).code).toBe(2)
  })

  it('--follow keeps reading a file the trainer appends to, waits for a half-written line, and ends at --max-seconds', async () => {
    const path = join(dir, 'live.jsonl')
    await writeFile(path, sampleLog(1, 2))
    const running = cli('watch', 'live.jsonl', '--follow', '--interval', '0.02', '--max-seconds', '1.5', '--json', '--kl-threshold', '0.5')
    const third = line(sampleRecord(3))
    await new Promise((r) => setTimeout(r, 150))
    await appendFile(path, third.slice(0, 25))
    await new Promise((r) => setTimeout(r, 150))
    await appendFile(path, `${third.slice(25)}not json\n`)
    await new Promise((r) => setTimeout(r, 150))
    await appendFile(path, line(sampleRecord(4)))
    const r = await running
    expect(r.out.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { epoch: number }).epoch)).toEqual([1, 2, 3, 4])
    expect(r.err).toBe('live.jsonl:4: error: not JSON (invalid syntax), starting "not json"\n')
    expect(r.code).toBe(1)
  })

  it('--follow ends at the first breach in appended data', async () => {
    await writeFile(join(dir, 'live.jsonl'), sampleLog(1, 1))
    const running = cli('watch', 'live.jsonl', '--follow', '--interval', '0.02', '--max-seconds', '5', '--loss-threshold', '10')
    await new Promise((r) => setTimeout(r, 100))
    await appendFile(join(dir, 'live.jsonl'), line({ ...sampleRecord(2), loss_total: 11 }))
    const started = Date.now()
    const r = await running
    expect(Date.now() - started).toBeLessThan(3000)
    expect(r).toMatchObject({ code: 1, err: 'Epoch 2: loss_total 11.000000 exceeds threshold 10 (live.jsonl:2)\n' })
  })
})

describe('townlet telemetry summary', () => {
  it('text, markdown and json carry the same summary; --last narrows the window', async () => {
    await writeFile(join(dir, 'ppo.jsonl'), sampleLog(1, 30))
    await writeFile(join(dir, 'ppo.jsonl.1'), sampleLog(31, 40, { anneal: true }))
    const json = await cli('summary', 'ppo.jsonl', '--format', 'json')
    expect(json.code).toBe(0)
    const s = JSON.parse(json.out) as { epochs: number; records: number; anneal: { stage: string }; extremes: Record<string, { min: number; max: number }> }
    expect(s).toMatchObject({ epochs: 40, records: 40, data_mode: 'rollout', cycle_id: 3, log_stream_offset: 40, anneal: { stage: 'ppo' } })
    const md = await cli('summary', 'ppo.jsonl', '--format', 'markdown')
    expect(md.out).toContain(`| loss_total | ${s.extremes.loss_total!.min.toFixed(6)} | ${s.extremes.loss_total!.max.toFixed(6)} |`)
    const text = await cli('summary', 'ppo.jsonl')
    expect(text.out).toMatch(/^Epochs analysed: 40 \(mode=rollout, cycle_id=3, records=40\)/)
    const last = JSON.parse((await cli('summary', 'ppo.jsonl', '--format', 'json', '--last', '5')).out) as { records: number }
    expect(last.records).toBe(5)
    await writeFile(join(dir, 'base.json'), JSON.stringify({ loss_total: 0.1, flag: true }))
    const drift = JSON.parse((await cli('summary', 'ppo.jsonl', '--format', 'json', '--baseline', 'base.json')).out) as { baseline_drift: Record<string, unknown> }
    expect(Object.keys(drift.baseline_drift)).toEqual(['loss_total'])
  })

  it('exit 1 on a malformed line (file and line) or no records; exit 2 on a bad --format', async () => {
    await writeFile(join(dir, 'ppo.jsonl'), `${sampleLog(1, 2)}{"epoch": 3, "grad_norm": "x"}\n`)
    expect(await cli('summary', 'ppo.jsonl')).toMatchObject({ code: 1, err: 'ppo.jsonl:3: error: grad_norm: must be a finite number, got a string\n' })
    await writeFile(join(dir, 'empty.jsonl'), '')
    expect(await cli('summary', 'empty.jsonl')).toMatchObject({ code: 1, err: 'empty.jsonl: no telemetry records found\n' })
    expect((await cli('summary', 'ppo.jsonl', '--format', 'html')).code).toBe(2)
    expect((await cli('summary', 'ppo.jsonl', '--last', '0')).code).toBe(2)
  })
})

describe('townlet help telemetry', () => {
  it('lists every watch limit the command accepts', async () => {
    const { PPO_LOG_HELP } = await import('./ppo-help')
    const { LIMIT_RULES, ANNEAL_FLAGS } = await import('../training/ppo-log/ppo-watch-rules')
    const { HEALTH_RULES } = await import('../training/ppo-log/health-line')
    for (const flag of [...LIMIT_RULES.map((r) => r.flag), ...ANNEAL_FLAGS, ...HEALTH_RULES.map((r) => r.flag)]) expect(PPO_LOG_HELP).toContain(`--${flag}`)
  })
})
