/**
 * The tables in the docs that the code already knows: the console commands (from the contract's
 * command table, shared/contract/console-commands, which the host registers and the renderer
 * types its calls by), their older spellings (the registry's aliases), the keyboard shortcuts (from the renderer's one shortcut table) and the IPC channels
 * (from the contract table). `npm run docs` writes them between their markers; the test beside
 * this file fails when a doc and the code disagree, so the guide cannot drift.
 */
import { invokeChannels, eventChannels } from '../../shared/contract/channels'
import { CONSOLE_COMMAND_ALIASES, CONSOLE_COMMAND_LIST, type CommandDescriptor } from '../../shared/contract/console-commands'
import { SHORTCUTS } from '../../renderer/src/features/shortcuts/shortcut-table'

/** A Markdown table cell: pipes escaped, one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

/** `spawn {id, at?, home?}`: the argument names, optional ones marked (from the descriptor's schema). */
export function commandSignature(descriptor: CommandDescriptor): string {
  const args = Object.entries(descriptor.args.shape).map(([name, field]) => (field.isOptional() ? `${name}?` : name))
  return `\`${descriptor.name} {${args.join(', ')}}\``
}

const roleText = (d: CommandDescriptor): string => (d.destructive ? `${d.role}, destructive` : d.role)

/** Every command: signature, role, help (the operator guide). */
export function consoleCommandTable(): string {
  const rows = CONSOLE_COMMAND_LIST.map((d) => [commandSignature(d), roleText(d), d.help])
  return table(['command', 'role', 'what it does'], rows)
}

/** The older spellings the host still accepts, and the command each one runs. */
export function consoleAliasTable(): string {
  return table(
    ['older spelling', 'runs'],
    Object.entries(CONSOLE_COMMAND_ALIASES).map(([alias, name]) => [`\`${alias}\``, `\`${name}\``])
  )
}

/** The commands by role, one row each, destructive ones marked (the README's short table). */
export function consoleCommandSummary(): string {
  const names = (role: 'viewer' | 'admin'): string =>
    CONSOLE_COMMAND_LIST.filter((d) => d.role === role)
      .map((d) => `\`${d.name}\`${d.destructive ? ' ⚠' : ''}`)
      .join(', ')
  const aliases = Object.entries(CONSOLE_COMMAND_ALIASES)
    .map(([alias, name]) => `\`${alias}\` → \`${name}\``)
    .join(', ')
  return table(
    ['who', 'console commands (⚠ destructive: needs a cmd_id)'],
    [
      ['viewer (reads)', names('viewer')],
      ['admin (changes the town)', names('admin')],
      ['older spellings', aliases]
    ]
  )
}

export function shortcutTable(): string {
  return table(
    ['key', 'what it does', 'where'],
    SHORTCUTS.map((s) => [`\`${s.label}\``, s.description, s.where])
  )
}

export function channelTable(): string {
  const rows = [
    ...Object.entries(invokeChannels).map(([name, c]) => [`\`${name}\``, 'invoke', c.role, c.summary]),
    ...Object.entries(eventChannels).map(([name, c]) => [`\`${name}\``, 'event', c.role, c.summary])
  ]
  return table(['channel', 'kind', 'role', 'what it carries'], rows)
}

/** The generated blocks, by the name their markers carry. */
export const GENERATED: Readonly<Record<string, () => string>> = {
  'console-commands': consoleCommandTable,
  'console-aliases': consoleAliasTable,
  'console-command-summary': consoleCommandSummary,
  shortcuts: shortcutTable,
  channels: channelTable
}

const BLOCK = /<!-- generated: ([a-z-]+) \(npm run docs\) -->\n(?:[\s\S]*?\n)?<!-- end generated -->/g

/** The text with every generated block rewritten from the code; unknown block names throw. */
export function fillGenerated(text: string): string {
  return text.replace(BLOCK, (_all, name: string) => {
    const make = Object.hasOwn(GENERATED, name) ? GENERATED[name] : undefined
    if (!make) throw new Error(`unknown generated block "${name}": use one of ${Object.keys(GENERATED).join(', ')}`)
    return `<!-- generated: ${name} (npm run docs) -->\n${make()}\n<!-- end generated -->`
  })
}

/** The names of the generated blocks a text holds, in order. */
export function generatedBlocks(text: string): string[] {
  return [...text.matchAll(BLOCK)].map((m) => m[1] ?? '')
}
