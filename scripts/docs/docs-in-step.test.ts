import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SHORTCUTS } from '../../renderer/src/features/shortcuts/shortcut-table'
import { defaultCommandRegistry } from '../../main/console/command-registry'
import { CONSOLE_COMMAND_ALIASES } from '../../shared/contract/console-commands'
import { invokeChannels } from '../../shared/contract/channels'
import { DOC_FILES } from './doc-files'
import { fillGenerated, generatedBlocks } from './doc-tables'

const root = join(__dirname, '../..')
const read = (file: string): string => readFileSync(join(root, file), 'utf8')

describe('the docs say what the code does', () => {
  it.each(DOC_FILES)('%s matches the code (run `npm run docs` to update it)', (file) => {
    const text = read(file)
    expect(fillGenerated(text)).toBe(text)
  })

  it('the operator guide lists every console command and shortcut, the architecture every channel', () => {
    expect(generatedBlocks(read('docs/operator-guide.md'))).toEqual(expect.arrayContaining(['console-commands', 'console-aliases', 'shortcuts']))
    expect(generatedBlocks(read('docs/architecture.md'))).toContain('channels')
    const guide = read('docs/operator-guide.md')
    for (const info of defaultCommandRegistry().list()) expect(guide).toContain(`\`${info.name} {`)
    for (const s of SHORTCUTS) expect(guide).toContain(s.description)
    for (const name of Object.keys(invokeChannels)) expect(read('docs/architecture.md')).toContain(`\`${name}\``)
  })

  it('the README and the guide list the commands the host registers, and the aliases it resolves', () => {
    const readme = read('README.md')
    const guide = read('docs/operator-guide.md')
    expect(generatedBlocks(readme)).toContain('console-command-summary')
    const registry = defaultCommandRegistry()
    for (const name of registry.names()) expect(readme).toContain(`\`${name}\``)
    for (const [alias, name] of Object.entries(registry.aliasTable())) {
      expect(readme).toContain(`\`${alias}\` → \`${name}\``)
      expect(guide).toContain(`| \`${alias}\` | \`${name}\` |`)
    }
    expect(registry.aliasTable()).toEqual(CONSOLE_COMMAND_ALIASES)
  })

  it('a drifted command table fails: a changed descriptor rewrites the block', () => {
    const guide = read('docs/operator-guide.md')
    const drifted = guide.replace('`setneed {agent, need, value}`', '`setneed {agent_id, need, value}`')
    expect(drifted).not.toBe(guide)
    expect(fillGenerated(drifted)).toBe(guide)
  })

  it('a block that no longer matches is rewritten, and an unknown block is an error', () => {
    const stale = '<!-- generated: shortcuts (npm run docs) -->\n| old |\n<!-- end generated -->'
    expect(fillGenerated(stale)).toContain(SHORTCUTS[0]!.description)
    expect(() => fillGenerated('<!-- generated: nonsense (npm run docs) -->\nx\n<!-- end generated -->')).toThrow(/unknown generated block "nonsense"/)
  })
})

describe('the README stays the front page', () => {
  const readme = read('README.md')

  it('starts with the two commands: set up and run, set up and test', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    expect(firstBlock).toContain('npm install && npm start')
    expect(firstBlock).toContain('npm install && npm test')
  })

  it('stays short: the manual lives in docs/', () => {
    expect(readme.split('\n').length).toBeLessThan(150)
  })

  it.each([...new Set(['README.md', ...DOC_FILES, 'docs/security-model.md'])])('every relative link and image in %s points at a file that exists', (file) => {
    const links = [...read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] ?? '').filter((l) => !/^[a-z]+:/.test(l))
    for (const link of links) expect(existsSync(join(root, dirname(file), link)), `${file} links to ${link}`).toBe(true)
  })
})
