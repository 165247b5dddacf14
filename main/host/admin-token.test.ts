import { chmod, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadHostAdminToken, tokenMatches } from './admin-token'

describe('the host admin token', () => {
  it('prefers TOWNLET_ADMIN_TOKEN and matches only the exact token (whitespace around it aside)', async () => {
    const load = await loadHostAdminToken({ env: { TOWNLET_ADMIN_TOKEN: 's3cret' }, file: 'nope.token', cwd: '/nowhere' })
    const token = load.ok ? load.token : undefined
    expect(token?.source).toContain('TOWNLET_ADMIN_TOKEN')
    expect(tokenMatches(token, 's3cret')).toBe(true)
    expect(tokenMatches(token, ' s3cret\n')).toBe(true)
    expect(tokenMatches(token, 's3cre')).toBe(false)
    expect(tokenMatches(token, '')).toBe(false)
    expect(tokenMatches(undefined, 's3cret')).toBe(false)
  })

  it('reads the token file named at start, and says what is wrong with a bad one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'townlet-token-'))
    await writeFile(join(dir, 'good.token'), '\uFEFFfrom-file\n')
    await writeFile(join(dir, 'empty.token'), '\n')
    await writeFile(join(dir, 'big.token'), 'x'.repeat(5000))
    const good = await loadHostAdminToken({ env: {}, file: 'good.token', cwd: dir })
    expect(good.ok && tokenMatches(good.token, 'from-file')).toBe(true)
    const problem = async (file: string) => {
      const load = await loadHostAdminToken({ env: {}, file, cwd: dir })
      return load.ok ? '' : load.problem
    }
    expect(await problem('empty.token')).toContain('is empty')
    expect(await problem('missing.token')).toContain('does not exist')
    expect(await problem('big.token')).toContain('4 KiB')
    expect(await problem('.')).toContain('not a regular file')
    await chmod(join(dir, 'good.token'), 0o000)
    if (process.getuid?.() !== 0) expect(await problem('good.token')).toContain('cannot be opened')
  })

  it('makes a random token for the run only when asked, and none otherwise', async () => {
    const made = await loadHostAdminToken({ env: {}, cwd: '/', generate: true })
    expect(made.ok && made.generated).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(made.ok && tokenMatches(made.token, made.generated ?? '')).toBe(true)
    const other = await loadHostAdminToken({ env: {}, cwd: '/', generate: true })
    expect(other.ok && other.generated).not.toBe(made.ok && made.generated)
    expect(await loadHostAdminToken({ env: {}, cwd: '/' })).toEqual({ ok: true })
  })
})
