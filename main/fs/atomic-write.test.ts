import { spawn } from 'node:child_process'
import type * as FsPromises from 'node:fs/promises'
import { chmod, chown, lstat, mkdir, mkdtemp, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { writeFileAtomic } from './atomic-write'

/**
 * A pass-through node:fs/promises that can record what writeFileAtomic does with its handles
 * and make a folder's fsync fail, so the folder fsync (invisible on disk) can be observed.
 */
const trace = vi.hoisted(() => ({ recording: false, events: [] as string[], dirSyncError: undefined as string | undefined }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  const open: typeof actual.open = async (path, flags, mode) => {
    const handle = await actual.open(path, flags, mode)
    const sync = handle.sync.bind(handle)
    handle.sync = async () => {
      const isDir = (await handle.stat()).isDirectory()
      if (trace.recording) trace.events.push(`sync ${isDir ? 'dir ' : ''}${String(path)}`)
      if (isDir && trace.dirSyncError !== undefined) throw Object.assign(new Error(`${trace.dirSyncError}: simulated`), { code: trace.dirSyncError })
      return sync()
    }
    return handle
  }
  const rename: typeof actual.rename = async (from, to) => {
    if (trace.recording) trace.events.push(`rename ${String(to)}`)
    return actual.rename(from, to)
  }
  return { ...actual, open, rename }
})

afterEach(() => {
  trace.recording = false
  trace.events = []
  trace.dirSyncError = undefined
})

const scratch = () => mkdtemp(join(tmpdir(), 'townlet-atomic-'))
const modeOf = async (path: string) => (await stat(path)).mode & 0o7777

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file behind', async () => {
    const dir = await scratch()
    const file = join(dir, 'state.json')
    await writeFile(file, 'old')
    await writeFileAtomic(file, 'new')
    expect(await readFile(file, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['state.json'])
  })

  it('keeps the original when the folder does not exist', async () => {
    const dir = await scratch()
    await expect(writeFileAtomic(join(dir, 'missing', 'x.json'), 'data')).rejects.toThrow()
    expect(await readdir(dir)).toEqual([])
  })
})

describe('writeFileAtomic keeps the mode and owner of what it replaces', () => {
  it('keeps mode 0600 of the file it replaces', async () => {
    const file = join(await scratch(), 'secret.json')
    await writeFile(file, 'old')
    await chmod(file, 0o600)
    await writeFileAtomic(file, 'new')
    expect((await modeOf(file)).toString(8)).toBe('600')
    expect(await readFile(file, 'utf8')).toBe('new')
  })

  it.each([0o640, 0o755, 0o604, 0o444])('keeps any existing mode (%o)', async (mode) => {
    const file = join(await scratch(), 'x.json')
    await writeFile(file, 'old')
    await chmod(file, mode)
    await writeFileAtomic(file, 'new')
    expect((await modeOf(file)).toString(8)).toBe(mode.toString(8))
  })

  it('gives a new file 0644 (less the umask), or the mode the caller passes', async () => {
    const dir = await scratch()
    const umask = process.umask()
    await writeFileAtomic(join(dir, 'plain.json'), 'x')
    expect((await modeOf(join(dir, 'plain.json'))).toString(8)).toBe((0o644 & ~umask).toString(8))
    await writeFileAtomic(join(dir, 'private.json'), 'x', { mode: 0o600 })
    expect((await modeOf(join(dir, 'private.json'))).toString(8)).toBe('600')
  })

  it('does not let the mode option override the mode of an existing file', async () => {
    const file = join(await scratch(), 'x.json')
    await writeFile(file, 'old')
    await chmod(file, 0o640)
    await writeFileAtomic(file, 'new', { mode: 0o600 })
    expect((await modeOf(file)).toString(8)).toBe('640')
  })

  // Only root (or CAP_CHOWN) may give a file to another user: elsewhere there is nothing to keep.
  it.skipIf(process.getuid?.() !== 0)('keeps the owner (uid and gid) of the file it replaces', async () => {
    const file = join(await scratch(), 'owned.json')
    await writeFile(file, 'old')
    await chmod(file, 0o640)
    await chown(file, 4321, 8765)
    await writeFileAtomic(file, 'new')
    const st = await stat(file)
    expect({ uid: st.uid, gid: st.gid, mode: (st.mode & 0o7777).toString(8) }).toEqual({ uid: 4321, gid: 8765, mode: '640' })
    expect(await readFile(file, 'utf8')).toBe('new')
  })
})

describe('writeFileAtomic through symbolic links', () => {
  it('writes the target of an absolute link; the link stays a link', async () => {
    const dir = await scratch()
    const target = join(dir, 'real.json')
    const link = join(dir, 'link.json')
    await writeFile(target, 'old')
    await symlink(target, link)
    await writeFileAtomic(link, 'new')
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readlink(link)).toBe(target)
    expect(await readFile(target, 'utf8')).toBe('new')
    expect((await readdir(dir)).sort()).toEqual(['link.json', 'real.json'])
  })

  it('writes the target of a relative link in another folder, and the temp goes beside the target', async () => {
    const dir = await scratch()
    await mkdir(join(dir, 'real'))
    await mkdir(join(dir, 'links'))
    const target = join(dir, 'real', 'config.yaml')
    const link = join(dir, 'links', 'config.yaml')
    await writeFile(target, 'old')
    await chmod(target, 0o600)
    await symlink('../real/config.yaml', link)
    await writeFileAtomic(link, 'new')
    expect(await readlink(link)).toBe('../real/config.yaml')
    expect(await readFile(target, 'utf8')).toBe('new')
    expect((await modeOf(target)).toString(8)).toBe('600')
    expect(await readdir(join(dir, 'links'))).toEqual(['config.yaml'])
    expect(await readdir(join(dir, 'real'))).toEqual(['config.yaml'])
  })

  it('follows a chain of links to the real file', async () => {
    const dir = await scratch()
    await writeFile(join(dir, 'real.json'), 'old')
    await symlink('real.json', join(dir, 'one.json'))
    await symlink('one.json', join(dir, 'two.json'))
    await writeFileAtomic(join(dir, 'two.json'), 'new')
    expect(await readFile(join(dir, 'real.json'), 'utf8')).toBe('new')
    expect((await lstat(join(dir, 'two.json'))).isSymbolicLink()).toBe(true)
    expect((await lstat(join(dir, 'one.json'))).isSymbolicLink()).toBe(true)
  })

  // Chosen behaviour: a dangling link is refused, not followed. Creating its target would write
  // wherever the link points (possibly outside the workspace) on the strength of a stale link.
  it('refuses a dangling link with an error that names the link and its target, and changes nothing', async () => {
    const dir = await scratch()
    const link = join(dir, 'link.json')
    await symlink('gone/real.json', link)
    await expect(writeFileAtomic(link, 'new')).rejects.toThrow(/link\.json is a symbolic link to gone\/real\.json, which does not exist/)
    expect(await readdir(dir)).toEqual(['link.json'])
    expect(await readlink(link)).toBe('gone/real.json')
  })
})

describe('writeFileAtomic refuses what it must not replace', () => {
  it('refuses a folder or a device instead of renaming over it', async () => {
    const dir = await scratch()
    await mkdir(join(dir, 'sub'))
    await expect(writeFileAtomic(join(dir, 'sub'), 'x')).rejects.toThrow(/sub is not a regular file/)
    await symlink('/dev/null', join(dir, 'null'))
    await expect(writeFileAtomic(join(dir, 'null'), 'x')).rejects.toThrow(/\/dev\/null is not a regular file/)
    expect((await lstat(join(dir, 'null'))).isSymbolicLink()).toBe(true)
    expect((await readdir(dir)).sort()).toEqual(['null', 'sub'])
  })
})

describe('writeFileAtomic makes the rename durable', () => {
  it('fsyncs the file before the rename and the folder after it', async () => {
    const dir = await scratch()
    const file = join(dir, 'state.json')
    await writeFile(file, 'old')
    trace.recording = true
    await writeFileAtomic(file, 'new')
    const events = trace.events
    const renamed = events.indexOf(`rename ${file}`)
    expect(renamed, events.join('\n')).toBeGreaterThanOrEqual(0)
    expect(events.slice(0, renamed).some((e) => e.startsWith('sync ') && !e.startsWith('sync dir')), events.join('\n')).toBe(true)
    expect(events.slice(renamed + 1), events.join('\n')).toContain(`sync dir ${dir}`)
  })

  it.each(['EINVAL', 'EISDIR', 'EPERM'])('accepts a platform that refuses a folder fsync (%s)', async (code) => {
    const file = join(await scratch(), 'state.json')
    trace.dirSyncError = code
    await writeFileAtomic(file, 'new')
    expect(await readFile(file, 'utf8')).toBe('new')
  })

  it('reports a folder fsync that fails for real (EIO): the rename may not survive a crash', async () => {
    const file = join(await scratch(), 'state.json')
    trace.dirSyncError = 'EIO'
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow(/EIO/)
  })
})

interface ChildEnd {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

const ROOT = resolve(__dirname, '../..')

/** Start slow-write-child.ts on `file`; resolves `staged` with its line once the temp is written. */
function startSlowWrite(file: string, mode: 'plain' | 'own-exit' | 'own-graceful') {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'slow-write-child.ts'), file, mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (d: string) => (stderr += d))
  const ended = new Promise<ChildEnd>((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })))
  const staged = new Promise<string>((ready, fail) => {
    child.stdout.on('data', (d: string) => {
      stdout += d
      const line = stdout.split('\n').find((l) => l.startsWith('staged '))
      if (line !== undefined) ready(line)
    })
    void ended.then((end) => fail(new Error(`the child ended before staging its write (code ${end.code}, signal ${end.signal}): ${end.stdout}${end.stderr}`)))
  })
  return { child, staged, ended }
}

describe('writeFileAtomic removes its temp file when the process is stopped', () => {
  it('listens for signals only while a temp is in flight', async () => {
    const before = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM'), exit: process.listenerCount('exit') }
    const file = join(await scratch(), 'state.json')
    let during = { int: 0, term: 0, exit: 0 }
    await writeFileAtomic(file, 'new', {
      beforeRename: async () => {
        during = { int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM'), exit: process.listenerCount('exit') }
      }
    })
    expect(during).toEqual({ int: before.int + 1, term: before.term + 1, exit: before.exit + 1 })
    expect({ int: process.listenerCount('SIGINT'), term: process.listenerCount('SIGTERM'), exit: process.listenerCount('exit') }).toEqual(before)
  })

  it.each(['SIGTERM', 'SIGINT'] as const)('removes the temp on %s and the process still dies by the signal', async (signal) => {
    const dir = await scratch()
    const file = join(dir, 'state.json')
    await writeFile(file, 'old')
    const run = startSlowWrite(file, 'plain')
    // The child saw its temp beside the file: the test below can fail.
    expect(await run.staged).toMatch(/staged .*\.state\.json\.[0-9a-f]+\.tmp/)
    run.child.kill(signal)
    const end = await run.ended
    expect({ code: end.code, signal: end.signal }).toEqual({ code: null, signal })
    expect(await readdir(dir)).toEqual(['state.json'])
    expect(await readFile(file, 'utf8')).toBe('old')
  })

  it("leaves the signal to the app's own handler, and removes the temp when the process exits", async () => {
    const dir = await scratch()
    const file = join(dir, 'state.json')
    await writeFile(file, 'old')
    const run = startSlowWrite(file, 'own-exit')
    await run.staged
    run.child.kill('SIGTERM')
    const end = await run.ended
    expect({ code: end.code, signal: end.signal }).toEqual({ code: 7, signal: null })
    expect(end.stdout).toContain('own handler')
    expect(await readdir(dir)).toEqual(['state.json'])
    expect(await readFile(file, 'utf8')).toBe('old')
  })

  it('lets a graceful shutdown finish the write it is waiting for', async () => {
    const dir = await scratch()
    const file = join(dir, 'state.json')
    await writeFile(file, 'old')
    const run = startSlowWrite(file, 'own-graceful')
    await run.staged
    run.child.kill('SIGTERM')
    const end = await run.ended
    expect({ code: end.code, signal: end.signal, stderr: end.stderr }).toEqual({ code: 0, signal: null, stderr: '' })
    expect(end.stdout).toContain('written')
    expect(await readdir(dirname(file))).toEqual(['state.json'])
    expect(await readFile(file, 'utf8')).toBe('new')
  })
})
