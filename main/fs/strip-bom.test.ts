import { describe, expect, it } from 'vitest'
import { stripBom } from './strip-bom'

describe('finding 4: stripBom', () => {
  it('drops one leading U+FEFF and leaves everything else as it was', () => {
    expect(stripBom('\uFEFF{"tick": 1}')).toBe('{"tick": 1}')
    expect(stripBom('{"tick": 1}')).toBe('{"tick": 1}')
    expect(stripBom('')).toBe('')
    // Only one marker is a marker; a second is content, and so is one that is not at the start.
    expect(stripBom('\uFEFF\uFEFFx')).toBe('\uFEFFx')
    expect(stripBom('a\uFEFFb')).toBe('a\uFEFFb')
  })
})
