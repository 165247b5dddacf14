// ESLint rule `townlet/no-import-cycle`: an import whose target leads back to the importing file
// is an error. main/sim holds it (issue 13): a domain that imports the module that imports it
// cannot be read, tested or moved on its own. Unlike import-x's no-cycle it counts `import type`
// too: a type-only circle is still a circle in the design (the op dispatcher and its domains were
// one), even though the compiler erases it.
//
// The linted file's imports come from its AST (so unsaved or virtual text counts); every other
// file's from disk through TypeScript's import scanner, cached by mtime. Only relative imports
// that resolve inside `root` (a folder, relative to ESLint's cwd) are followed.
import { readFileSync, statSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import ts from 'typescript'

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts']

/** path -> { mtimeMs, imports: resolved paths } for files read from disk. */
const scanned = new Map()

function isFile(path) {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** The file a relative specifier names (vite's `?raw` style queries dropped), or null. */
function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return null
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''))
  if (EXTENSIONS.some((ext) => base.endsWith(ext)) && isFile(base)) return base
  for (const ext of EXTENSIONS) if (isFile(base + ext)) return base + ext
  for (const ext of EXTENSIONS) if (isFile(resolve(base, `index${ext}`))) return resolve(base, `index${ext}`)
  return null
}

function importsOnDisk(path) {
  let mtimeMs
  try {
    mtimeMs = statSync(path).mtimeMs
  } catch {
    return []
  }
  const hit = scanned.get(path)
  if (hit && hit.mtimeMs === mtimeMs) return hit.imports
  const text = readFileSync(path, 'utf8')
  const imports = ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => resolveSpecifier(path, f.fileName))
    .filter((p) => p !== null)
  scanned.set(path, { mtimeMs, imports })
  return imports
}

/** Shortest chain of files from `start` back to `target` (both ends included), or null. */
function routeBack(start, target, inRoot) {
  const previous = new Map([[start, null]])
  const queue = [start]
  while (queue.length > 0) {
    const at = queue.shift()
    for (const next of importsOnDisk(at)) {
      if (next === target) {
        const route = [target]
        for (let p = at; p !== null; p = previous.get(p)) route.unshift(p)
        return route
      }
      if (!inRoot(next) || previous.has(next)) continue
      previous.set(next, at)
      queue.push(next)
    }
  }
  return null
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid an import (type-only ones included) whose target imports the importing file back, directly or through others.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'], additionalProperties: false }],
    messages: {
      cycle:
        'import cycle: {{route}}. Break it: move what both sides need into a leaf module of its own ' +
        '(as main/sim/agents/intent.ts and main/sim/op-handler.ts are), or let the lower module take a callback.'
    }
  },
  create(context) {
    const filename = context.physicalFilename
    if (!filename || !isFile(filename)) return {}
    const root = resolve(context.cwd, context.options[0].root)
    const inRoot = (path) => path === root || path.startsWith(root + sep)
    if (!inRoot(filename)) return {}
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return
      const target = resolveSpecifier(filename, node.source.value)
      if (target === null || !inRoot(target)) return
      const route = target === filename ? [filename] : routeBack(target, filename, inRoot)
      if (route === null) return
      const shown = [filename, ...route].map((p) => relative(root, p).split(sep).join('/'))
      context.report({ node: node.source, messageId: 'cycle', data: { route: shown.join(' → ') } })
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check
    }
  }
}

export default { rules: { 'no-import-cycle': noImportCycle } }
