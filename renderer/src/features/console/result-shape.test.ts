import { describe, expect, it } from 'vitest'
import { cellText, MAX_TABLE_ROWS, prettyJson, resultShape } from './result-shape'

describe('resultShape', () => {
  it('makes a list of objects a table, columns in the order first seen', () => {
    const shape = resultShape([
      { id: 'ada', need: 0.5 },
      { id: 'bob', job: 'grocer' }
    ])
    expect(shape.tables).toEqual([{ caption: '', columns: ['id', 'need', 'job'], rows: [['ada', '0.5', ''], ['bob', '', 'grocer']], more: 0 }])
    expect(shape.json).toBe('')
  })

  it('makes each list of objects in an answer a table and keeps the rest as pretty JSON', () => {
    const shape = resultShape({ tick: 12, objects: [{ id: 'fridge_1', queue: ['ada'] }], counters: { rotations: 3 } })
    expect(shape.tables).toHaveLength(1)
    expect(shape.tables[0]).toMatchObject({ caption: 'objects', columns: ['id', 'queue'], rows: [['fridge_1', '["ada"]']] })
    expect(shape.json).toBe(prettyJson({ tick: 12, counters: { rotations: 3 } }))
    expect(shape.copy).toContain('"fridge_1"')
  })

  it('shows anything else as pretty JSON, whole', () => {
    const long = { text: 'x'.repeat(500) }
    const shape = resultShape(long)
    expect(shape.tables).toHaveLength(0)
    expect(shape.json).toBe(JSON.stringify(long, null, 2))
    expect(shape.json.length).toBeGreaterThan(500)
    expect(resultShape(undefined).json).toBe('done')
    expect(resultShape([]).json).toBe('[]')
  })

  it('shows the first rows of a long table and counts the rest', () => {
    const rows = Array.from({ length: MAX_TABLE_ROWS + 5 }, (_, i) => ({ i }))
    const [table] = resultShape(rows).tables
    expect(table?.rows).toHaveLength(MAX_TABLE_ROWS)
    expect(table?.more).toBe(5)
  })

  it('writes cells as text', () => {
    expect(cellText(null)).toBe('null')
    expect(cellText(true)).toBe('true')
    expect(cellText({ a: 1 })).toBe('{"a":1}')
  })
})
