/**
 * Hostile paths through the host: a client (even an admin) or a config may name only files inside
 * the workspace roots, as regular files of a bounded size; nothing outside is read, and a refusal
 * says nothing about what is there. Findings 2, 8 and 12 (policy paths) of the trust-boundary
 * issue, against the real host and worker.
 */
import { execFileSync } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ConsoleResult } from '../../shared/contract/dto/console'
import type { ConfigFile } from '../../shared/contract/dto/config-summary'
import { createTestHost, okValue, repoRoot, type TestHost } from './test-host'

let host: TestHost | undefined
afterEach(async () => {
  await host?.dispose()
  host = undefined
})

/** A workspace folder (the host's working folder) and a folder beside it, outside. */
async function started(): Promise<{ h: TestHost; inside: string; outside: string }> {
  const base = await mkdtemp(join(tmpdir(), 'townlet-paths-'))
  const inside = join(base, 'workspace')
  const outside = join(base, 'outside')
  await mkdir(inside)
  await mkdir(outside)
  await writeFile(join(outside, 'shadow'), 'root:*:20228:0:99999:7:::\ndaemon:*:20228:0:99999:7:::\n')
  // No temp-folder root here: the workspace is exactly the folder `inside` (and the configs).
  host = createTestHost({ cwd: inside, dataDir: inside })
  await host.start()
  return { h: host, inside, outside }
}

describe('finding 2: config.load reads any path and echoes its content', () => {
  it('refuses a file outside the workspace as fs.outside_workspace, naming the roots, never its content', async () => {
    const { h, inside, outside } = await started()
    for (const path of [join(outside, 'shadow'), '../outside/shadow', '/etc/shadow', '/etc/passwd', '/proc/sys/kernel/ostype']) {
      const reply = await h.admin('config.load', { path })
      expect(!reply.ok && reply.error.code, path).toBe('fs.outside_workspace')
      const text = JSON.stringify(reply)
      expect(text).not.toMatch(/root:|daemon:|Linux/)
      expect(text).toContain(inside)
    }
    // Whether a file exists outside is not told either.
    const there = await h.admin('config.load', { path: join(outside, 'shadow') })
    const absent = await h.admin('config.load', { path: join(outside, 'nothing') })
    expect(!there.ok && there.error.message.replace('shadow', 'F')).toBe(!absent.ok && absent.error.message.replace('nothing', 'F'))
  })

  it('refuses a link inside the workspace that leads out of it', async () => {
    const { h, inside, outside } = await started()
    await symlink(join(outside, 'shadow'), join(inside, 'town.yaml'))
    const reply = await h.admin('config.load', { path: 'town.yaml' })
    expect(!reply.ok && reply.error).toMatchObject({ code: 'fs.outside_workspace', message: expect.stringContaining('link') })
    expect(JSON.stringify(reply)).not.toContain('root:')
  })

  it('refuses a config whose affordances.file lies outside the workspace, without reading it', async () => {
    const { h, inside, outside } = await started()
    for (const file of [join(outside, 'shadow'), '../outside/shadow', '../../../../../etc/passwd']) {
      await writeFile(join(inside, 'town.yaml'), `config_id: t\nseed: 1\naffordances:\n  file: ${JSON.stringify(file)}\n`)
      const reply = await h.admin('config.load', { path: 'town.yaml' })
      expect(!reply.ok && reply.error.code, file).toBe('config.invalid')
      expect(!reply.ok && reply.error.message, file).toContain('outside the workspace')
      expect(JSON.stringify(reply)).not.toMatch(/root:|daemon:/)
    }
  })

  it('refuses a config whose policy model lies outside the workspace', async () => {
    const { h, inside, outside } = await started()
    await copyFile(join(repoRoot, 'configs/policies/release.onnx'), join(outside, 'model.onnx'))
    await writeFile(join(inside, 'town.yaml'), `config_id: t\nseed: 1\npolicy:\n  backend: onnx\n  model: ${JSON.stringify(join(outside, 'model.onnx'))}\n`)
    const reply = await h.admin('config.load', { path: 'town.yaml' })
    expect(!reply.ok && reply.error.message).toContain('outside the workspace')
  })
})

describe('finding 8: special files', () => {
  it('refuses a FIFO as a config or as its affordances.file at once, and the host keeps answering', async () => {
    const { h, inside } = await started()
    execFileSync('mkfifo', [join(inside, 'pipe.yaml')])
    await writeFile(join(inside, 'town.yaml'), 'config_id: t\nseed: 1\naffordances:\n  file: pipe.yaml\n')
    const direct = await h.admin('config.load', { path: 'pipe.yaml' })
    expect(!direct.ok && direct.error).toMatchObject({ code: 'config.unreadable', message: expect.stringContaining('not a regular file') })
    // Four at once used to take every thread of the pool; now each is refused without opening it.
    const loads = await Promise.all(Array.from({ length: 4 }, () => h.admin('config.load', { path: 'town.yaml' })))
    for (const reply of loads) expect(!reply.ok && reply.error.message).toContain('not a regular file')
    expect(okValue<ConfigFile[]>(await h.call('config.list')).length).toBeGreaterThan(0)
  })
})

describe('finding 12: policy paths', () => {
  it('refuses a model swap through a link that leads out of the workspace; a model inside loads', async () => {
    const { h, inside, outside } = await started()
    await copyFile(join(repoRoot, 'configs/policies/release.onnx'), join(outside, 'elsewhere.onnx'))
    await symlink(join(outside, 'elsewhere.onnx'), join(inside, 'linked.onnx'))
    const swap = async (model: string) => {
      const queued = okValue<ConsoleResult>(await h.admin('console.run', { name: 'policy_swap', args: { model }, cmd_id: `swap-${model.replace(/[^a-z]/gi, '')}` }))
      return (await h.waitFor('console.result', (r: ConsoleResult) => r.cmd_id === queued.cmd_id && r.status !== 'queued')) as ConsoleResult
    }
    for (const model of ['linked.onnx', join(outside, 'elsewhere.onnx'), '../outside/elsewhere.onnx']) {
      expect((await swap(model)).error, model).toMatchObject({ code: 'fs.outside_workspace' })
    }
    expect((await swap(join(repoRoot, 'configs/policies/release.onnx'))).status).toBe('ok')
  })
})
