/**
 * `townlet affordances validate` over registries that use names every JavaScript object has:
 * each is refused with exit 2 and a located message, never exit 1 with a TypeError stack.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../host/test-host'
import { runCli } from './cli'
import { fakeIo } from './test-io'

const CORE = join(repoRoot, 'configs/affordances/core.yaml')

/** A temp folder holding core.yaml edited by `edit`, saved as `name`. */
async function registryDir(edit: (text: string) => string, name = 'core.yaml') {
  const dir = await mkdtemp(join(tmpdir(), 'townlet-hostile-'))
  const text = await readFile(CORE, 'utf8')
  const edited = edit(text)
  if (edited === text) throw new Error('the edit changed nothing: core.yaml moved on, update this test')
  await writeFile(join(dir, name), edited)
  return dir
}

async function validate(dir: string, file = 'core.yaml') {
  const a = fakeIo({ cwd: dir })
  const code = await runCli(['affordances', 'validate', '--file', file], a.io)
  return { code, out: a.out(), err: a.err() }
}

const withPrecondition = (source: string) => (t: string) => t.replace('- agent.wallet >= economy.meal_cost', `- ${source}`)

describe('townlet affordances validate with prototype names', () => {
  it('finding 9: a precondition on __proto__.x exits 2 with a message, not 1 with a TypeError', async () => {
    for (const source of ['__proto__.x', 'constructor.x', 'hasOwnProperty.x', 'toString.length']) {
      const { code, out, err } = await validate(await registryDir(withPrecondition(source)))
      expect(err, source).not.toContain('TypeError')
      expect(code, source).toBe(2)
      const root = source.split('.')[0]!
      expect(out, source).toMatch(new RegExp(`^core\\.yaml:\\d+:\\d+ affordances\\.0\\.preconditions\\.0: precondition "${source.replace('.', '\\.')}": unknown name "${root}"`, 'm'))
    }
  })

  it('finding 9: stock.__proto__ and stock.constructor are refused keys, not always true', async () => {
    for (const source of ['stock.__proto__', 'stock.constructor']) {
      const { code, out } = await validate(await registryDir(withPrecondition(source)))
      expect(code, source).toBe(2)
      expect(out, source).toContain('cannot be a stock key: it is a name every JavaScript object has')
    }
  })

  it('an object type, stock key or affordance id named constructor is refused at its line', async () => {
    const edits = [(t: string) => t.replace('  shower: {}\n', '  constructor: {}\n  shower: {}\n'), (t: string) => t.replace('stock: { meals: 4 }', 'stock: { meals: 4, constructor: 1 }'), (t: string) => t.replace('- id: eat_meal', '- id: constructor')]
    for (const edit of edits) {
      const { code, out, err } = await validate(await registryDir(edit))
      expect(err).not.toContain('TypeError')
      expect(code).toBe(2)
      expect(out).toMatch(/^core\.yaml:\d+:\d+ \S+: .*"constructor" is a name every JavaScript object has/m)
    }
  })

  it('a __proto__ key in the registry is refused where it stands, not silently dropped', async () => {
    const dir = await registryDir((t) => t.replace('  shower: {}\n', '  __proto__: { stock: { meals: 1 } }\n  shower: {}\n'))
    const { code, out } = await validate(dir)
    expect(code).toBe(2)
    expect(out).toMatch(/^core\.yaml:\d+:3 object_types\.__proto__: "__proto__" cannot be a key/m)
  })

  it('a registry file named like a prototype property is looked up in the manifest by own name only', async () => {
    const dir = await registryDir((t) => `${t}\n`, 'constructor')
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ version: 1, files: { 'other.yaml': 'a'.repeat(64) } }))
    const { code, out } = await validate(dir, 'constructor')
    expect(out).not.toContain('native code')
    expect(code).toBe(0)
    expect(out).toContain('constructor: warning: manifest.json does not list constructor')
  })
})
