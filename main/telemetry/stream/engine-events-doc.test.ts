/** docs/telemetry.md lists the engine's event vocabulary as the map has it (main/sim/events/event-docs.ts makes the table). */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { vocabularyMarkdown } from '../../sim/events/event-docs'

const DOC = resolve(__dirname, '../../../docs/telemetry.md')
const BEGIN = '<!-- engine-events:begin (made by main/sim/events/event-docs.ts; a test checks it) -->'
const END = '<!-- engine-events:end -->'

describe('docs/telemetry.md, "Engine events"', () => {
  it('lists every engine event type with its fields, as the vocabulary has them', () => {
    const text = readFileSync(DOC, 'utf8')
    const from = text.indexOf(BEGIN)
    const to = text.indexOf(END)
    expect(from, `docs/telemetry.md needs the markers ${BEGIN} … ${END}`).toBeGreaterThanOrEqual(0)
    // On a change to the map, paste the received text between the markers.
    expect(text.slice(from + BEGIN.length, to).trim()).toBe(vocabularyMarkdown())
  })
})
