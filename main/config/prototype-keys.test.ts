import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { prototypeKeyPaths } from './prototype-keys'

describe('prototypeKeyPaths', () => {
  it('finds __proto__ keys at any depth, inside lists too, with their paths', () => {
    const data: unknown = parse('a:\n  __proto__: { x: 1 }\nlist:\n  - { b: { __proto__: 2 } }\n__proto__: 3\n')
    expect(prototypeKeyPaths(data)).toEqual([['a', '__proto__'], ['list', 0, 'b', '__proto__'], ['__proto__']])
  })

  it('finds nothing in plain data, and leaves other names to the schemas', () => {
    expect(prototypeKeyPaths(parse('a: { b: [1, 2, { c: 3 }] }\nconstructor: 1\n'))).toEqual([])
    expect(prototypeKeyPaths(null)).toEqual([])
    expect(prototypeKeyPaths('__proto__')).toEqual([])
  })

  it('YAML keeps a __proto__ key as an own key, so a plain object never gets a new prototype', () => {
    const data = parse('__proto__: { polluted: true }\n') as Record<string, unknown>
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.hasOwn(data, '__proto__')).toBe(true)
  })

  it('stops at a depth limit instead of recursing without end', () => {
    let deep: unknown = { __proto__: null }
    for (let i = 0; i < 500; i++) deep = { d: deep }
    expect(() => prototypeKeyPaths(deep)).not.toThrow()
  })
})
