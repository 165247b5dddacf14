import { describe, expect, it } from 'vitest'
import { errorText } from './error-text'

describe('errorText', () => {
  it('is the message alone when there are no config issues', () => {
    expect(errorText({ code: 'shard.crashed', message: 'worker died' })).toBe('worker died')
    expect(errorText({ code: 'internal.error', message: 'x', details: { other: 1 } })).toBe('x')
  })

  it('lists issues with path and position, naming the document when the path is empty', () => {
    const text = errorText({
      code: 'config.invalid',
      message: 'bad config',
      details: { source: 'a.yaml', issues: [{ path: '', message: 'not a mapping' }, { path: 'agents', line: 3, message: 'required' }] }
    })
    expect(text).toBe('bad config\n\n• (document): not a mapping\n• agents (line 3): required')
  })

  it('caps a long list', () => {
    const issues = Array.from({ length: 25 }, (_, i) => ({ path: `k${i}`, message: 'bad' }))
    const text = errorText({ code: 'config.invalid', message: 'bad', details: { source: 'a.yaml', issues } })
    expect(text.split('\n').filter((l) => l.startsWith('•'))).toHaveLength(20)
    expect(text).toContain('… and 5 more')
  })
})
