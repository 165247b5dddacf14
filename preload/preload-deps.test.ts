import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * A sandboxed preload can require only `electron` (and a few Node polyfills); anything else must
 * be bundled, and zod would bloat it. Walk the runtime imports from preload/index.ts (type-only
 * imports are erased) and check that the only package reached is `electron`.
 */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const specs: string[] = []
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (!m[2]) specs.push(m[3]!)
  }
  return specs
}

function walk(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const queue = [entry]
  while (queue.length) {
    const file = queue.shift()!
    if (files.has(file)) continue
    files.add(file)
    for (const spec of runtimeImports(file)) {
      if (!spec.startsWith('.')) {
        packages.add(spec)
        continue
      }
      const target = resolve(dirname(file), spec)
      const path = [`${target}.ts`, join(target, 'index.ts')].find(existsSync)
      if (!path) throw new Error(`cannot resolve ${spec} from ${file}`)
      queue.push(path)
    }
  }
  return { files: [...files], packages: [...packages] }
}

describe('preload dependencies', () => {
  it('reaches no package but electron at runtime', () => {
    const { files, packages } = walk(join(__dirname, 'index.ts'))
    expect(packages).toEqual(['electron'])
    expect(files.some((f) => f.endsWith('channels.ts'))).toBe(false)
  })
})
