import { spawn } from 'node:child_process'
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commitFileSet, recoverFileSet } from './publish-set'

const ROOT = resolve(__dirname, '../..')

/** The set file-set-child.ts commits: two files in models/, one beside the journal. */
async function oldSet() {
  const root = await mkdtemp(join(tmpdir(), 'townlet-set-'))
  await mkdir(join(root, 'models'))
  const files = { a: join(root, 'models', 'a.onnx'), b: join(root, 'models', 'a.json'), c: join(root, 'versions.json') }
  await writeFile(files.a, 'old-a')
  await writeFile(files.b, 'old-b')
  await writeFile(files.c, 'old-c')
  const contents = async () => [await readFile(files.a, 'utf8'), await readFile(files.b, 'utf8'), await readFile(files.c, 'utf8')]
  const listing = async () => ({ root: (await readdir(root)).sort(), models: (await readdir(join(root, 'models'))).sort() })
  return { root, files, contents, listing, dirs: [root, join(root, 'models')] }
}

const OLD = ['old-a', 'old-b', 'old-c']
const NEW = ['new-a', 'new-b', 'new-c']
const CLEAN = { root: ['models', 'versions.json'], models: ['a.json', 'a.onnx'] }

/** Run file-set-child.ts until it reaches `step`, then SIGKILL it: a crash at that point. */
function crashAt(root: string, step: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'file-set-child.ts'), root, step], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (d: string) => (out += d))
  return new Promise<void>((done, fail) => {
    child.stdout.on('data', (d: string) => {
      out += d
      if (out.includes(`at ${step}\n`)) child.kill('SIGKILL')
    })
    child.on('close', (code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`the child did not reach ${step} (code ${code}, signal ${signal}): ${out}`))))
  })
}

describe('commitFileSet', () => {
  it('replaces every file of the set and leaves no temp or journal behind', async () => {
    const s = await oldSet()
    await commitFileSet([
      { path: s.files.a, data: 'new-a' },
      { path: s.files.b, data: new TextEncoder().encode('new-b') },
      { path: s.files.c, data: 'new-c' }
    ], { journalDir: s.root })
    expect(await s.contents()).toEqual(NEW)
    expect(await s.listing()).toEqual(CLEAN)
  })

  it('creates files that did not exist, and keeps the mode and links of those that did', async () => {
    const s = await oldSet()
    await chmod(s.files.a, 0o600)
    await symlink('models/a.json', join(s.root, 'link.json'))
    await commitFileSet([
      { path: s.files.a, data: 'new-a' },
      { path: join(s.root, 'link.json'), data: 'new-b' },
      { path: join(s.root, 'models', 'fresh.txt'), data: 'fresh' }
    ])
    expect(((await stat(s.files.a)).mode & 0o777).toString(8)).toBe('600')
    expect((await lstat(join(s.root, 'link.json'))).isSymbolicLink()).toBe(true)
    expect(await readFile(s.files.b, 'utf8')).toBe('new-b')
    expect(await readFile(join(s.root, 'models', 'fresh.txt'), 'utf8')).toBe('fresh')
  })

  it('refuses a set that names one file twice, before it writes anything', async () => {
    const s = await oldSet()
    await symlink('versions.json', join(s.root, 'alias.json'))
    await expect(commitFileSet([{ path: s.files.c, data: 'x' }, { path: join(s.root, 'alias.json'), data: 'y' }])).rejects.toThrow(/names .*versions\.json twice/)
    expect(await s.contents()).toEqual(OLD)
  })

  it('a failure before the commit point leaves the old set and no temp files', async () => {
    const s = await oldSet()
    const failing = commitFileSet(
      [{ path: s.files.a, data: 'new-a' }, { path: s.files.b, data: 'new-b' }, { path: s.files.c, data: 'new-c' }],
      { journalDir: s.root, hooks: { afterStage: async (i) => { if (i === 1) throw new Error('disk full (simulated)') } } }
    )
    await expect(failing).rejects.toThrow('disk full (simulated)')
    expect(await s.contents()).toEqual(OLD)
    expect(await s.listing()).toEqual(CLEAN)
  })

  it('a failure after the commit point is finished by recovery: the new set', async () => {
    const s = await oldSet()
    const failing = commitFileSet(
      [{ path: s.files.a, data: 'new-a' }, { path: s.files.b, data: 'new-b' }, { path: s.files.c, data: 'new-c' }],
      { journalDir: s.root, hooks: { afterRename: async (i) => { if (i === 0) throw new Error('EIO (simulated)') } } }
    )
    await expect(failing).rejects.toThrow(/committed.*recover/)
    expect(await s.contents()).toEqual(['new-a', 'old-b', 'old-c'])
    const report = await recoverFileSet(s.dirs)
    expect(report.problems).toEqual([])
    expect(await s.contents()).toEqual(NEW)
    expect(await s.listing()).toEqual(CLEAN)
  })
})

describe('a crash during commitFileSet leaves the old set or, after recovery, the new one', () => {
  // What the targets hold at the crash (mid-rename they are a mix), and after recovery.
  it.each([
    ['stage-0', OLD, OLD],
    ['stage-2', OLD, OLD],
    ['journal', OLD, NEW],
    ['rename-0', ['new-a', 'old-b', 'old-c'], NEW],
    ['rename-1', ['new-a', 'new-b', 'old-c'], NEW],
    ['rename-2', NEW, NEW]
  ])('crash after %s', async (step, atCrash, recovered) => {
    const s = await oldSet()
    await crashAt(s.root, step)
    expect(await s.contents()).toEqual(atCrash)
    // The crash left temps or a journal behind: recovery has something to settle.
    expect(await s.listing()).not.toEqual(CLEAN)
    const report = await recoverFileSet(s.dirs)
    expect(report.problems).toEqual([])
    expect(await s.contents()).toEqual(recovered)
    expect(await s.listing()).toEqual(CLEAN)
    // Recovery is idempotent: a second pass finds nothing to do.
    expect(await recoverFileSet(s.dirs)).toEqual({ rolledForward: [], removedTemps: [], problems: [] })
  })
})

describe('recoverFileSet', () => {
  it('leaves alone a set this process is still committing', async () => {
    const s = await oldSet()
    let release: () => void = () => undefined
    let staged: () => void = () => undefined
    const atStage = new Promise<void>((r) => (staged = r))
    const committing = commitFileSet(
      [{ path: s.files.a, data: 'new-a' }, { path: s.files.c, data: 'new-c' }],
      { journalDir: s.root, hooks: { afterStage: (i) => (i === 1 ? new Promise<void>((r) => { release = r; staged() }) : Promise.resolve()) } }
    )
    await atStage
    expect(await recoverFileSet(s.dirs)).toEqual({ rolledForward: [], removedTemps: [], problems: [] })
    release()
    await committing
    expect(await s.contents()).toEqual(['new-a', 'old-b', 'new-c'])
  })

  it('reports a file that matches neither its staged nor its committed content, and keeps the journal', async () => {
    const s = await oldSet()
    await crashAt(s.root, 'rename-0')
    // Someone replaced a.onnx after the crash, and its staged temp is already gone.
    await writeFile(s.files.a, 'edited by hand')
    const report = await recoverFileSet(s.dirs)
    expect(report.problems).toHaveLength(1)
    expect(report.problems[0]).toMatch(/a\.onnx/)
    expect((await readdir(s.root)).some((n) => n.endsWith('.journal'))).toBe(true)
  })

  it('does nothing in a folder that does not exist', async () => {
    const s = await oldSet()
    expect(await recoverFileSet(join(s.root, 'missing'))).toEqual({ rolledForward: [], removedTemps: [], problems: [] })
  })
})
