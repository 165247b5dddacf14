import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listConfigFiles } from './config-files'

describe('listConfigFiles', () => {
  it('lists shard configs in sub-folders but not the parts of configs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-list-'))
    await mkdir(join(dir, 'scenarios'))
    await mkdir(join(dir, 'affordances'))
    for (const f of ['default.yaml', 'scenarios/a.yml', 'affordances/core.yaml', 'notes.txt']) await writeFile(join(dir, f), 'x: 1\n')
    expect((await listConfigFiles(dir)).map((f) => f.name)).toEqual(['default.yaml', 'scenarios/a.yml'])
  })
})
