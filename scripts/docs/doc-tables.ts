/**
 * The tables in the docs that the code already knows: the console commands (from the command
 * registry), the keyboard shortcuts (from the renderer's one shortcut table) and the IPC channels
 * (from the contract table). `npm run docs` writes them between their markers; the test beside
 * this file fails when a doc and the code disagree, so the guide cannot drift.
 */
import { invokeChannels, eventChannels } from '../../shared/contract/channels'
import type { CommandInfo } from '../../shared/contract/dto/console'
import { defaultCommandRegistry } from '../../main/console/command-registry'
import { SHORTCUTS } from '../../renderer/src/features/shortcuts/shortcut-table'

/** A Markdown table cell: pipes escaped, one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')
}

/** `spawn {id, at?, home?}`: the argument names, optional ones marked. */
export function commandSignature(info: CommandInfo): string {
  const args = info.args.map((a) => (a.required ? a.name : `${a.name}?`))
  return `\`${info.name} {${args.join(', ')}}\``
}

export function consoleCommandTable(): string {
  const rows = defaultCommandRegistry()
    .list()
    .map((info) => [commandSignature(info), info.destructive ? `${info.role}, destructive` : info.role, info.help])
  return table(['command', 'role', 'what it does'], rows)
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
