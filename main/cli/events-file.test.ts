import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UsageError } from './cli-io'
import { EventsFile } from './events-file'
import type { SimEvent } from '../sim/state/world'

/** The file writes whatever JSON it is given: these tests use short made-up events, not the engine's vocabulary. */
const anyEvents = (events: object[]) => events as SimEvent[]

describe('EventsFile', () => {
  it('shows nothing under the target name until commit, then the whole file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-events-file-'))
    const file = await EventsFile.create(join(dir, 'e.jsonl'))
    file.add(anyEvents([{ type: 'a', tick: 1 }]))
    await file.flush()
    file.add(anyEvents([{ type: 'b', tick: 2, who: ['x'] }]))
    expect((await readdir(dir)).filter((n) => n === 'e.jsonl')).toEqual([])
    await file.commit()
    expect(file.count).toBe(2)
    expect(await readdir(dir)).toEqual(['e.jsonl'])
    expect(await readFile(join(dir, 'e.jsonl'), 'utf8')).toBe('{"type":"a","tick":1}\n{"type":"b","tick":2,"who":["x"]}\n')
  })

  it('leaves the previous file untouched and no temp file when the run is abandoned', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-events-file-'))
    await writeFile(join(dir, 'e.jsonl'), 'before\n')
    const file = await EventsFile.create(join(dir, 'e.jsonl'))
    file.add(anyEvents([{ type: 'a', tick: 1 }]))
    await file.flush()
    await file.abort()
    expect(await readdir(dir)).toEqual(['e.jsonl'])
    expect(await readFile(join(dir, 'e.jsonl'), 'utf8')).toBe('before\n')
  })

  it('refuses a folder as the target with a usage error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-events-file-'))
    await expect(EventsFile.create(dir)).rejects.toThrow(UsageError)
  })
})
