import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBounded } from './read-bounded'
import { Workspace } from './workspace'

const codes = { notFound: 'config.not_found', unreadable: 'config.unreadable' } as const

async function setup() {
  const base = await mkdtemp(join(tmpdir(), 'townlet-ws-'))
  const inside = join(base, 'inside')
  const outside = join(base, 'outside')
  await mkdir(inside)
  await mkdir(outside)
  await writeFile(join(inside, 'town.yaml'), 'config_id: t\nseed: 1\n')
  await writeFile(join(outside, 'secret.txt'), 'root:*:20228:0:99999:7:::\n')
  const ws = await Workspace.create([{ name: 'workspace', path: inside }])
  return { base, inside, outside, ws }
}

const request = (base: string) => ({ base, what: 'config', maxBytes: 1024, codes })

describe('workspace', () => {
  it('reads a regular file inside a root, relative or absolute, a leading BOM dropped', async () => {
    const { inside, ws } = await setup()
    await writeFile(join(inside, 'bom.yaml'), '\uFEFFconfig_id: b\n')
    const read = await ws.readText('town.yaml', request(inside))
    expect(read.ok && read.value).toEqual({ path: join(inside, 'town.yaml'), text: 'config_id: t\nseed: 1\n' })
    const bom = await ws.readText(join(inside, 'bom.yaml'), request('/'))
    expect(bom.ok && bom.value.text).toBe('config_id: b\n')
  })

  it('refuses a path outside every root before looking it up, naming the roots, never the content', async () => {
    const { inside, outside, ws } = await setup()
    for (const path of [join(outside, 'secret.txt'), join(outside, 'missing.txt'), '../outside/secret.txt', '/etc/shadow', `${inside}/../outside/secret.txt`]) {
      const read = await ws.readText(path, request(inside))
      expect(read.ok, path).toBe(false)
      if (read.ok) continue
      expect(read.error.code, path).toBe('fs.outside_workspace')
      expect(read.error.message).toContain(`workspace (${inside})`)
      expect(JSON.stringify(read.error)).not.toContain('root:*')
    }
    // A file outside that exists and one that does not answer alike: nothing leaks about outside.
    const a = await ws.readText(join(outside, 'secret.txt'), request(inside))
    const b = await ws.readText(join(outside, 'missing.txt'), request(inside))
    expect(!a.ok && a.error.message.replace('secret', 'X')).toBe(!b.ok && b.error.message.replace('missing', 'X'))
  })

  it('follows links and refuses one that leads out of the workspace', async () => {
    const { inside, outside, ws } = await setup()
    await symlink(join(outside, 'secret.txt'), join(inside, 'leak.yaml'))
    await symlink(outside, join(inside, 'elsewhere'))
    await symlink(join(inside, 'town.yaml'), join(inside, 'alias.yaml'))
    for (const path of ['leak.yaml', 'elsewhere/secret.txt']) {
      const read = await ws.readText(path, request(inside))
      expect(!read.ok && read.error).toMatchObject({ code: 'fs.outside_workspace', message: expect.stringContaining('link') })
    }
    const alias = await ws.readText('alias.yaml', request(inside))
    expect(alias.ok && alias.value.path).toBe(join(inside, 'town.yaml'))
  })

  it('refuses a folder, a FIFO, a device and a file over the bound, without reading them', async () => {
    const { inside, ws } = await setup()
    execFileSync('mkfifo', [join(inside, 'pipe.yaml')])
    await writeFile(join(inside, 'big.yaml'), 'x'.repeat(2048))
    const problem = async (path: string) => {
      const read = await ws.readText(path, request(inside))
      return read.ok ? '' : `${read.error.code}: ${read.error.message}`
    }
    expect(await problem('.')).toMatch(/config.unreadable: .*not a regular file/)
    // A FIFO would block a plain read forever; it is refused at once.
    expect(await problem('pipe.yaml')).toMatch(/config.unreadable: .*not a regular file/)
    expect(await problem('big.yaml')).toMatch(/config.unreadable: .*2048 bytes, more than the 1 KiB/)
    expect(await problem('missing.yaml')).toMatch(/config.not_found/)
    const zero = await readBounded('/dev/zero', 1024)
    expect(!zero.ok && zero.problem.kind).toBe('not_regular')
  })

  it('travels to a worker as plain data', async () => {
    const { inside, ws } = await setup()
    const again = await Workspace.fromJSON(JSON.parse(JSON.stringify(ws.toJSON())))
    expect(again.describe()).toBe(ws.describe())
    expect((await again.readText('town.yaml', request(inside))).ok).toBe(true)
  })
})
