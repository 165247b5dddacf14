import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './cli'
import { readCommandsFile } from './commands-file'
import { testFiles } from '../fs/testing/test-workspace'
import { fakeIo } from './test-io'

const BOM = '\uFEFF'
const LINES = [
  { tick: 2, cmd_id: 'snap-1', name: 'telemetry_snapshot', args: {} },
  { tick: 4, cmd_id: 'snap-2', name: 'telemetry_snapshot' }
]

/** A drill file as Windows editors save "UTF-8 with BOM": EF BB BF, then the JSON lines. */
async function bomDrill(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-bom-drill-'))
  await writeFile(join(dir, 'drill.jsonl'), BOM + LINES.map((l) => JSON.stringify(l)).join('\r\n') + '\r\n', 'utf8')
  return dir
}

describe('finding 4: a drill file saved with a UTF-8 byte order mark', () => {
  it('reads its first line as JSON', async () => {
    const dir = await bomDrill()
    const lines = await readCommandsFile(join(dir, 'drill.jsonl'), 10, await testFiles())
    expect(lines.map((l) => [l.line, l.tick, l.cmd_id, l.name])).toEqual([
      [1, 2, 'snap-1', 'telemetry_snapshot'],
      [2, 4, 'snap-2', 'telemetry_snapshot']
    ])
  })

  it('runs as a drill with `townlet run --commands`', async () => {
    const a = fakeIo({ cwd: await bomDrill() })
    expect(await runCli(['run', '--ticks', '10', '--commands', 'drill.jsonl'], a.io)).toBe(0)
    expect(a.out()).toContain('ran 2 console commands: 2 ok, 0 error')
  })

  it('still refuses a BOM in the middle of the file: only the one at the start is a marker', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-bom-drill-'))
    await writeFile(join(dir, 'drill.jsonl'), `${JSON.stringify(LINES[0])}\n${BOM}${JSON.stringify(LINES[1])}\n`, 'utf8')
    await expect(readCommandsFile(join(dir, 'drill.jsonl'), 10, await testFiles())).rejects.toThrow(/line 2: not JSON/)
  })
})
