import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readAppSettings } from './app-settings'

describe('app settings', () => {
  it('reads the admin token file and workspace, and falls back to defaults with a reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-settings-'))
    expect(await readAppSettings(dir)).toEqual({ settings: {} })
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ admin_token_file: '/run/admin.token', workspace: '/towns' }))
    expect(await readAppSettings(dir)).toEqual({ settings: { admin_token_file: '/run/admin.token', workspace: '/towns' } })
    await writeFile(join(dir, 'settings.json'), '{ not json')
    expect((await readAppSettings(dir)).problem).toContain('is not JSON')
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ admin_token: 'inline tokens are not a setting' }))
    const unknown = await readAppSettings(dir)
    expect(unknown.settings).toEqual({})
    expect(unknown.problem).toMatch(/admin_token/)
  })
})
