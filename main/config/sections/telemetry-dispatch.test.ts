/**
 * The `telemetry.dispatch` block as a config file gives it: defaults, every key, and for each
 * mistake an issue whose path names the entry and whose message says how to fix it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseConfigText } from '../load-config'
import { DispatchBlockSchema, parseFieldPath, STREAM_KIND_NAMES } from './telemetry-dispatch'

const base = 'config_id: t\nseed: 1\n'
const issues = (yaml: string) => {
  const loaded = parseConfigText(`${base}telemetry:\n  dispatch: ${yaml}\n`, 'town.yaml')
  return loaded.ok ? [] : (loaded.error.details as { issues: { path: string; message: string }[] }).issues
}

describe('telemetry.dispatch config', () => {
  it('reads every key from a YAML file', () => {
    const loaded = parseConfigText(
      `${base}telemetry:\n  dispatch:\n    privacy: true\n    strict: true\n    include_kinds: [engine.event, narration]\n    request_kinds: [observation]\n    request_every_ticks: 30\n    exclude_fields: ['engine.event:object_id', '*:agents', 'loop.health:transport.transports.*.target']\n`,
      'town.yaml'
    )
    expect(loaded.ok).toBe(true)
    if (loaded.ok) {
      expect(loaded.value.config.telemetry.dispatch).toEqual({
        privacy: true,
        strict: true,
        include_kinds: ['engine.event', 'narration'],
        exclude_kinds: [],
        request_kinds: ['observation'],
        request_every_ticks: 30,
        exclude_fields: ['engine.event:object_id', '*:agents', 'loop.health:transport.transports.*.target']
      })
    }
  })

  it.each([
    ['{ exclude_kinds: [engine.events] }', 'telemetry.dispatch.exclude_kinds.0', /"engine\.events" is not a stream kind \(did you mean "engine\.event"\?\)/],
    ['{ include_kinds: [narration, bogus] }', 'telemetry.dispatch.include_kinds.1', /"bogus" is not a stream kind: use one of engine\.event, /],
    ['{ request_kinds: [narration] }', 'telemetry.dispatch.request_kinds.0', /"narration" is not a stream kind: use one of observation, agent\.snapshot/],
    ['{ exclude_fields: [ok, "engine.event:x"] }', 'telemetry.dispatch.exclude_fields.0', /"ok" has no kind: write KIND:PATH/],
    ['{ exclude_fields: ["engine.evnt:x"] }', 'telemetry.dispatch.exclude_fields.0', /in "engine\.evnt:x": "engine\.evnt" is not a stream kind \(did you mean "engine\.event"\?\)/],
    ['{ exclude_fields: ["narration:"] }', 'telemetry.dispatch.exclude_fields.0', /has no field path after the ":"/],
    ['{ exclude_fields: ["narration:a..b"] }', 'telemetry.dispatch.exclude_fields.0', /an empty key/],
    ['{ exclude_fields: ["narration:te-xt"] }', 'telemetry.dispatch.exclude_fields.0', /the key "te-xt" is not a field name/],
    ['{ exclude_fields: ["*:a.b.c.d.e.f.g.h.i"] }', 'telemetry.dispatch.exclude_fields.0', /9 keys deep: at most 8/],
    ['{ include_kinds: [narration], exclude_kinds: [narration] }', 'telemetry.dispatch.exclude_kinds', /narration is both included and excluded/],
    ['{ request_kinds: [observation], exclude_kinds: [observation] }', 'telemetry.dispatch.request_kinds.0', /both requested and excluded/],
    ['{ request_every_ticks: 0 }', 'telemetry.dispatch.request_every_ticks', /./],
    ['{ privacy: yes }', 'telemetry.dispatch.privacy', /./],
    ['{ privacy: true, salt: abc }', 'telemetry.dispatch.salt', /./]
  ])('refuses %s at %s', (yaml, path, message) => {
    const found = issues(yaml)
    expect(found.map((i) => i.path)).toContain(path)
    expect(found.find((i) => i.path === path)!.message).toMatch(message)
  })

  it('quotes a hostile entry short and printable', () => {
    const entry = `\u001b[2J${'x'.repeat(5000)}:a`
    const r = DispatchBlockSchema.safeParse({ exclude_fields: [entry.slice(0, 200)], exclude_kinds: [entry.slice(0, 60)] })
    expect(r.success).toBe(false)
    const text = r.error!.issues.map((i) => i.message).join('\n')
    expect(text).not.toContain('\u001b')
    expect(text.length).toBeLessThan(2000)
  })

  it('parseFieldPath: every well-formed path parses back to its segments; anything else is a sentence', () => {
    const segment = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/), fc.constant('*'))
    fc.assert(
      fc.property(fc.constantFrom('*', ...STREAM_KIND_NAMES), fc.array(segment, { minLength: 1, maxLength: 8 }), (kind, segments) => {
        expect(parseFieldPath(`${kind}:${segments.join('.')}`)).toEqual({ kind, segments })
      })
    )
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (entry) => {
        const parsed = parseFieldPath(entry)
        if (typeof parsed === 'string') expect(parsed.length).toBeGreaterThan(10)
        else expect(`${parsed.kind}:${parsed.segments.join('.')}`).toBe(entry)
      })
    )
  })
})
