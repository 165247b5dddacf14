/** `snapshot.timeline`: defaults, a full block, and each bound refused with its path named. */
import { describe, expect, it } from 'vitest'
import { parseConfigText } from '../load-config'
import { TimelineConfigSchema } from './snapshot'

const withTimeline = (block: string) => parseConfigText(`config_id: t\nseed: 1\nsnapshot:\n  timeline: ${block}\n`, 't.yaml')

describe('snapshot.timeline config', () => {
  it('defaults to a keyframe every 100 ticks within 256 MiB, and takes both keys', () => {
    expect(TimelineConfigSchema.parse({})).toEqual({ keyframe_every: 100, byte_budget: 268435456 })
    const r = withTimeline('{ keyframe_every: 50, byte_budget: 67108864 }')
    expect(r.ok && r.value.config.snapshot.timeline).toEqual({ keyframe_every: 50, byte_budget: 67108864 })
  })

  it.each([
    ['{ keyframe_every: 9 }', 'snapshot.timeline.keyframe_every'],
    ['{ keyframe_every: 10001 }', 'snapshot.timeline.keyframe_every'],
    ['{ keyframe_every: 12.5 }', 'snapshot.timeline.keyframe_every'],
    ['{ byte_budget: 1000 }', 'snapshot.timeline.byte_budget'],
    ['{ byte_budget: 1e12 }', 'snapshot.timeline.byte_budget'],
    ['{ byte_budget: lots }', 'snapshot.timeline.byte_budget'],
    ['{ keyframes: 3 }', 'snapshot.timeline']
  ])('refuses %s at %s', (block, path) => {
    const r = withTimeline(block)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain(path)
  })
})
