import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { encodeSampleFull, sampleObserverFullRows } from '../../../../shared/testing/contract-samples'
import { SessionProvider } from '../../app/session-context'
import { countOf } from '../../testing/markup'
import { sampleObject } from '../../testing/observer-samples'
import { createTestSession } from '../../testing/session-fixture'
import { MapLegend, objectTypesKey } from './map-legend'

describe('map legend', () => {
  it('explains the object letters of this town, the in-use ring, the queue badge and the areas', () => {
    const session = createTestSession((s) => {
      const full = sampleObserverFullRows(1)
      s.observer.getState().receive(encodeSampleFull({ ...full, objects: [sampleObject(), sampleObject({ id: 'bed_1', type: 'bed', x: 2 }), sampleObject({ id: 'fridge_2', x: 4 })] }), 0)
    })
    const html = renderToStaticMarkup(
      <SessionProvider session={session}>
        <MapLegend colorBy="option" />
      </SessionProvider>
    ).replace(/<!-- -->/g, '')
    expect(countOf(html, 'map-legend-object')).toBe(2)
    expect(html).toMatch(/data-type="bed"><span class="legend-glyph"[^>]*>B<\/span>bed</)
    expect(html).toMatch(/data-type="fridge"><span class="legend-glyph"[^>]*>F<\/span>fridge</)
    for (const text of ['in use', 'queued', 'home', 'workplace', 'zoom in for names']) expect(html).toContain(`${text}</li>`)
    expect(html).toContain('>sleep</li>')
  })

  it('lists each object type once, sorted', () => {
    const objects = new Map([sampleObject({ id: 'b', type: 'stove' }), sampleObject({ id: 'a' }), sampleObject({ id: 'c', type: 'stove' })].map((o) => [o.id, o]))
    expect(objectTypesKey(objects)).toBe('fridge stove')
    expect(objectTypesKey(new Map())).toBe('')
  })
})
