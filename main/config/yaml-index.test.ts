/**
 * The YAML index: built once per document, each lookup one Map get per path segment, so locating
 * an issue costs the same in a file of ten keys as in one of a hundred thousand (finding 3).
 */
import { LineCounter, parseDocument } from 'yaml'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as indexModule from './yaml-index'
import { buildYamlIndex, type YamlIndex } from './yaml-index'
import { locate } from './yaml-locate'
import { parseConfigText } from './load-config'

/** Every index the loader builds, each with a count of its lookups. */
const built: { index: YamlIndex; lookups: () => number }[] = []
vi.mock('./yaml-index', async (importOriginal) => {
  const original = await importOriginal<typeof indexModule>()
  return {
    ...original,
    buildYamlIndex: (...args: Parameters<typeof original.buildYamlIndex>) => {
      const index = original.buildYamlIndex(...args)
      const chain = index.chain.bind(index)
      let lookups = 0
      index.chain = (path) => {
        lookups++
        return chain(path)
      }
      built.push({ index, lookups: () => lookups })
      return index
    }
  }
})

afterEach(() => {
  built.length = 0
  vi.restoreAllMocks()
})

function indexOf(text: string): YamlIndex {
  const counter = new LineCounter()
  return buildYamlIndex(parseDocument(text, { lineCounter: counter, uniqueKeys: false }), counter)
}

const world = (n: number) => `config_id: a\nworld:\n${Array.from({ length: n }, (_, i) => `  k${i}: { x: [1, 2] }\n`).join('')}`

describe('yaml index', () => {
  it('finds keys, values, list items and the nearest ancestor of a missing path', () => {
    const index = indexOf('a: 1\nb:\n  c: [x, { d: 2 }]\n')
    expect(locate(index, ['b', 'c'], { key: true })).toEqual({ line: 3, col: 3 })
    expect(locate(index, ['b', 'c', 1, 'd'])).toEqual({ line: 3, col: 15 })
    expect(locate(index, ['b', 'missing'])).toEqual({ line: 3, col: 3 })
    expect(locate(index, ['b', 'missing'], { key: true })).toEqual({ line: 3, col: 3 })
    expect(locate(index, [])).toEqual({ line: 1, col: 1 })
  })

  it('a lookup costs the same number of Map gets in a file of 10 keys and of 5,000', () => {
    const gets = (n: number) => {
      const index = indexOf(world(n))
      const spy = vi.spyOn(Map.prototype, 'get')
      locate(index, ['world', 'k7', 'x', 1])
      locate(index, ['world', 'k7', 'nope'], { key: true })
      const calls = spy.mock.calls.length
      spy.mockRestore()
      return calls
    }
    expect(gets(5_000)).toBe(gets(10))
    expect(gets(10)).toBeLessThanOrEqual(8)
  })

  it('notes duplicate keys, complex keys and non-JSON tags with their paths, in file order', () => {
    const index = indexOf('a: 1\nb: !!set { x }\na: 2\n? [k]\n: 3\nc: !!binary YQ==\n')
    expect(index.problems.map((p) => [p.kind, p.path.join('.')])).toEqual([
      ['tag', 'b'],
      ['duplicate_key', 'a'],
      ['complex_key', ''],
      ['tag', 'c']
    ])
  })

  it('keeps at most 100 problems and counts the rest', () => {
    const index = indexOf(Array.from({ length: 250 }, () => 'k: 1\n').join(''))
    expect(index.problems).toHaveLength(100)
    expect(index.omittedProblems).toBe(149)
  })

  it('the loader builds one index per document and looks up one path per listed issue, not per key', () => {
    const result = parseConfigText(`config_id: a\nseed: 1\nworld:\n${Array.from({ length: 32_000 }, (_, i) => `  unknown_${i}: 1\n`).join('')}`, 't.yaml')
    expect(result.ok).toBe(false)
    // The embedded affordance registry is parsed too (once, as the default argument).
    const config = built.filter((b) => b.index.root.children?.has('config_id'))
    expect(config).toHaveLength(1)
    // 50 named keys and the summary pointing at `world`: a handful more at most, never 32,000.
    expect(config[0]?.lookups()).toBeLessThanOrEqual(60)
  })
})
