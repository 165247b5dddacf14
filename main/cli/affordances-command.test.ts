import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../host/test-host'
import { sha256Hex } from './checksum-manifest'
import { runCli } from './cli'
import { fakeIo } from './test-io'

const CORE = join(repoRoot, 'configs/affordances/core.yaml')

async function validate(argv: string[], cwd = repoRoot) {
  const a = fakeIo({ cwd })
  const code = await runCli(['affordances', 'validate', ...argv], a.io)
  return { code, out: a.out(), err: a.err() }
}

/** A temp folder holding core.yaml, edited by `edit`; returns the folder and the edited text. */
async function registryDir(edit: (text: string) => string = (t) => t) {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-affordances-'))
  const text = edit(await readFile(CORE, 'utf8'))
  await writeFile(join(dir, 'core.yaml'), text)
  return { dir, text }
}

/** 1-based line of the n-th (0-based) line containing `needle`. */
function lineOf(text: string, needle: string, n = 0): number {
  const lines = text.split('\n')
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []))
  const line = hits[n]
  if (line === undefined) throw new Error(`"${needle}" #${n} not in the text`)
  return line
}

function replaceOnce(from: string, to: string) {
  return (text: string) => {
    if (!text.includes(from)) throw new Error(`core.yaml no longer contains "${from}": update this test`)
    return text.replace(from, to)
  }
}

describe('townlet affordances validate', () => {
  it('passes the shipped registry and its pinned checksum', async () => {
    const { code, out } = await validate(['--file', 'configs/affordances/core.yaml'])
    expect(code).toBe(0)
    expect(out).toMatch(/^configs\/affordances\/core\.yaml: 4 affordances, 5 object types, sha256 [0-9a-f]{64} \(pinned in configs\/affordances\/manifest\.json\), ok\n$/)
    const manifest = JSON.parse(await readFile(join(repoRoot, 'configs/affordances/manifest.json'), 'utf8')) as unknown
    expect(manifest).toEqual({ version: 1, files: { 'core.yaml': sha256Hex(await readFile(CORE)) } })
  })

  it('checks the built-in registry with no file named, and the one a config names', async () => {
    const builtIn = await validate([])
    expect(builtIn.code).toBe(0)
    expect(builtIn.out).toMatch(/^embedded:affordances\/core\.yaml: 4 affordances, 5 object types, sha256 [0-9a-f]{64}, ok\n$/)
    const viaConfig = await validate(['--config', 'configs/default.yaml', '--strict'])
    expect(viaConfig.code).toBe(0)
    expect(viaConfig.out).toMatch(/^configs\/affordances\/core\.yaml: .*\(pinned in configs\/affordances\/manifest\.json\), ok\n$/)
  })

  it('resolves affordances.file relative to the config file', async () => {
    const { dir } = await registryDir()
    await mkdir(join(dir, 'shards'))
    await writeFile(join(dir, 'shards/town.yaml'), 'config_id: town\nseed: 1\naffordances:\n  file: ../core.yaml\n')
    const { code, out } = await validate(['--config', 'shards/town.yaml', '--json'], dir)
    expect(code).toBe(0)
    expect(JSON.parse(out)).toMatchObject({ file: 'core.yaml', affordances: 4, ok: true, manifest: { path: 'manifest.json', status: 'absent' } })
  })

  it('checks against the manifest a config names under affordances.manifest', async () => {
    const { dir } = await registryDir()
    await writeFile(join(dir, 'town.yaml'), 'config_id: town\nseed: 1\naffordances:\n  file: core.yaml\n  manifest: pins.json\n')
    const missing = await validate(['--config', 'town.yaml'], dir)
    expect(missing.code).toBe(2)
    expect(missing.out).toContain('checksum manifest pins.json not found')
    await writeFile(join(dir, 'pins.json'), JSON.stringify({ version: 1, files: { 'core.yaml': '0'.repeat(64) } }))
    const drift = await validate(['--config', 'town.yaml'], dir)
    expect(drift.code).toBe(2)
    expect(drift.out).toContain(`but pins.json records ${'0'.repeat(64)}; if the change is intended run \`townlet affordances validate --config town.yaml --write-manifest\``)
    expect((await validate(['--config', 'town.yaml', '--write-manifest'], dir)).code).toBe(0)
    expect((await validate(['--config', 'town.yaml'], dir)).out).toContain('(pinned in pins.json), ok')
  })

  it('reports a duplicate id at its file:line:col with exit 2', async () => {
    const { dir, text } = await registryDir(replaceOnce('- id: cook_meal', '- id: eat_meal'))
    const { code, out } = await validate(['--file', 'core.yaml'], dir)
    expect(code).toBe(2)
    expect(out).toContain(`core.yaml:${lineOf(text, '- id: eat_meal', 1)}:9 affordances.1.id: duplicate affordance id "eat_meal" (first defined at affordances.0): rename one\n`)
    expect(out).toMatch(/\ncore\.yaml: 4 affordances, 5 object types, sha256 [0-9a-f]{64}, 1 error\n$/)
  })

  it('reports an unknown object type with a did-you-mean', async () => {
    const { dir, text } = await registryDir(replaceOnce('object_type: stove', 'object_type: stov'))
    const { code, out } = await validate(['--file', 'core.yaml'], dir)
    expect(code).toBe(2)
    expect(out).toContain(`core.yaml:${lineOf(text, 'object_type: stov')}:18 affordances.1.object_type: unknown object type "stov": did you mean "stove"?`)
  })

  it('reports a precondition that does not parse, and one naming an unknown thing', async () => {
    const { dir, text } = await registryDir((t) => replaceOnce('- utilities.water', '- utilities.water and')(replaceOnce('- utilities.power', '- utilites.power')(t)))
    const { code, out } = await validate(['--file', 'core.yaml'], dir)
    expect(code).toBe(2)
    expect(out).toContain(`core.yaml:${lineOf(text, '- utilites.power')}:9 affordances.1.preconditions.0: precondition "utilites.power": unknown name "utilites": did you mean "utilities"?`)
    expect(out).toMatch(new RegExp(`^core\\.yaml:${lineOf(text, '- utilities.water and')}:9 affordances\\.2\\.preconditions\\.0: precondition "utilities\\.water and" does not parse`, 'm'))
    expect(out).toContain('2 errors')
  })

  it('prints warnings, and refuses them under --strict', async () => {
    const { dir, text } = await registryDir(replaceOnce('  workstation: {}\n', '  workstation: {}\n  toaster: {}\n'))
    const loose = await validate(['--file', 'core.yaml'], dir)
    expect(loose.code).toBe(0)
    const warning = `core.yaml:${lineOf(text, 'toaster: {}')}:12 object_types.toaster: warning: object type "toaster" has no affordances: nothing can use it\n`
    expect(loose.out).toContain(warning)
    expect(loose.out).toMatch(/, ok, 1 warning\n$/)
    const strict = await validate(['--file', 'core.yaml', '--strict'], dir)
    expect(strict.code).toBe(2)
    expect(strict.out).toContain('object_types.toaster: warning (an error under --strict): object type "toaster"')
    expect(strict.out).toMatch(/, 1 warning, refused under --strict\n$/)
  })

  it('shows warnings alongside errors in one pass', async () => {
    const { dir } = await registryDir((t) => replaceOnce('- id: cook_meal', '- id: eat_meal')(replaceOnce('  workstation: {}\n', '  workstation: {}\n  toaster: {}\n')(t)))
    const { code, out } = await validate(['--file', 'core.yaml', '--json'], dir)
    expect(code).toBe(2)
    const report = JSON.parse(out) as { errors: { path: string }[]; warnings: { path: string }[]; ok: boolean }
    expect(report.errors.map((e) => e.path)).toEqual(['affordances.1.id'])
    expect(report.warnings.map((w) => w.path)).toEqual(['object_types.toaster'])
    expect(report.ok).toBe(false)
  })

  it('pins the checksum, catches a flipped byte as drift, and takes an intended change with --write-manifest', async () => {
    const { dir } = await registryDir()
    const written = await validate(['--file', 'core.yaml', '--write-manifest'], dir)
    expect(written.code).toBe(0)
    expect(written.out).toMatch(/^wrote manifest\.json: core\.yaml sha256 [0-9a-f]{64}\n/)
    expect((await validate(['--file', 'core.yaml'], dir)).code).toBe(0)

    const bytes = await readFile(join(dir, 'core.yaml'))
    const old = sha256Hex(bytes)
    bytes[2] = bytes[2]! ^ 0x01 // inside the first comment: still a valid registry
    await writeFile(join(dir, 'core.yaml'), bytes)
    const drift = await validate(['--file', 'core.yaml'], dir)
    expect(drift.code).toBe(2)
    expect(drift.out).toContain(
      `core.yaml: checksum drift: core.yaml is ${sha256Hex(bytes)} but manifest.json records ${old}; if the change is intended run \`townlet affordances validate --file core.yaml --write-manifest\``
    )

    expect((await validate(['--file', 'core.yaml', '--write-manifest'], dir)).code).toBe(0)
    const clean = await validate(['--file', 'core.yaml'], dir)
    expect(clean.code).toBe(0)
    expect(clean.out).toContain('(pinned in manifest.json), ok')
    expect(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))).toEqual({ version: 1, files: { 'core.yaml': sha256Hex(bytes) } })
  })

  it('keeps other files in the manifest and refuses to pin a broken registry', async () => {
    const { dir } = await registryDir(replaceOnce('object_type: stove', 'object_type: stov'))
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ version: 1, files: { 'other.yaml': 'a'.repeat(64) } }))
    const refused = await validate(['--file', 'core.yaml', '--write-manifest'], dir)
    expect(refused.code).toBe(2)
    expect(refused.out).toContain('manifest.json not written: fix the errors above first')
    await writeFile(join(dir, 'core.yaml'), await readFile(CORE))
    expect((await validate(['--file', 'core.yaml', '--write-manifest'], dir)).code).toBe(0)
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { files: Record<string, string> }
    expect(Object.keys(manifest.files)).toEqual(['core.yaml', 'other.yaml'])
  })

  it('reports a manifest that does not list the file, or is not a manifest', async () => {
    const { dir } = await registryDir()
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ version: 1, files: {} }))
    const unlisted = await validate(['--file', 'core.yaml'], dir)
    expect(unlisted.code).toBe(0)
    expect(unlisted.out).toContain('core.yaml: warning: manifest.json does not list core.yaml')
    expect((await validate(['--file', 'core.yaml', '--strict'], dir)).code).toBe(2)
    await writeFile(join(dir, 'manifest.json'), '{ "version": 1, ')
    const broken = await validate(['--file', 'core.yaml'], dir)
    expect(broken.code).toBe(2)
    expect(broken.out).toContain('manifest.json: not valid JSON')
  })

  it('exits 2 for bad usage: both --file and --config, a missing file, a named manifest that is not there', async () => {
    const { dir } = await registryDir()
    for (const argv of [['--file', 'core.yaml', '--config', 'x.yaml'], ['--file', 'nope.yaml'], ['--file', 'core.yaml', '--manifest', 'pins.json'], ['--bogus'], ['--write-manifest']]) {
      const { code, out, err } = await validate(argv, dir)
      expect(code, argv.join(' ')).toBe(2)
      expect(out + err, argv.join(' ')).not.toBe('')
    }
    const a = fakeIo()
    expect(await runCli(['affordances'], a.io)).toBe(2)
    expect(a.err()).toContain('townlet affordances validate')
  })
})
