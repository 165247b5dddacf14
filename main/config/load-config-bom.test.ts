import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfigFile } from './load-config'
import { testWorkspace } from '../fs/testing/test-workspace'

describe('finding 4: a YAML config saved with a UTF-8 byte order mark', () => {
  it('loads like the same file without one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-bom-config-'))
    const yaml = 'config_id: bom-town\nseed: 5\n'
    await writeFile(join(dir, 'plain.yaml'), yaml, 'utf8')
    await writeFile(join(dir, 'bom.yaml'), `\uFEFF${yaml}`, 'utf8')
    const plain = await loadConfigFile(join(dir, 'plain.yaml'), await testWorkspace())
    const bom = await loadConfigFile(join(dir, 'bom.yaml'), await testWorkspace())
    expect(bom.ok ? bom.value.config : bom.error).toEqual(plain.ok ? plain.value.config : plain.error)
    expect(bom).toMatchObject({ ok: true, value: { config: { config_id: 'bom-town', seed: 5 } } })
  })
})
