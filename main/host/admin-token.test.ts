import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ShardConfigSchema } from '../config/shard-config-schema'
import { loadAdminToken, tokenMatches } from './admin-token'

const config = (tokenFile?: string) => ShardConfigSchema.parse({ config_id: 't', seed: 1, ...(tokenFile ? { console: { token_file: tokenFile } } : {}) })

describe('admin token', () => {
  it('prefers TOWNLET_ADMIN_TOKEN and matches only the exact token (whitespace around it aside)', async () => {
    const { token } = await loadAdminToken({ TOWNLET_ADMIN_TOKEN: 's3cret' }, config('nope.token'), '/nowhere/town.yaml')
    expect(token?.source).toContain('TOWNLET_ADMIN_TOKEN')
    expect(tokenMatches(token, 's3cret')).toBe(true)
    expect(tokenMatches(token, ' s3cret\n')).toBe(true)
    expect(tokenMatches(token, 's3cre')).toBe(false)
    expect(tokenMatches(token, '')).toBe(false)
    expect(tokenMatches(undefined, 's3cret')).toBe(false)
  })

  it('reads the token file relative to the config, and says what is wrong with a bad one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-token-'))
    await writeFile(join(dir, 'good.token'), 'from-file\n')
    await writeFile(join(dir, 'empty.token'), '\n')
    const good = await loadAdminToken({}, config('good.token'), join(dir, 'town.yaml'))
    expect(tokenMatches(good.token, 'from-file')).toBe(true)
    expect((await loadAdminToken({}, config('empty.token'), join(dir, 'town.yaml'))).problem).toContain('is empty')
    expect((await loadAdminToken({}, config('missing.token'), join(dir, 'town.yaml'))).problem).toContain('cannot read the admin token file')
    expect((await loadAdminToken({}, config('good.token'), undefined)).problem).toContain('embedded config')
    expect(await loadAdminToken({}, config(), join(dir, 'town.yaml'))).toEqual({})
  })
})
