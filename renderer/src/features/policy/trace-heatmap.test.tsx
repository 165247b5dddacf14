import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { countOf, textOf } from '../../testing/markup'
import { heatColor } from './trace-data'
import { TraceHeatmap } from './trace-heatmap'

const grid = { name: 'objects', rows: 3, cols: 3, values: [0, 0.5, 2, 0, 1, 0, 0, 0, 0], min: 0, max: 2 }

describe('trace heatmap', () => {
  it('says which way is north and what its colours mean, from the low end to the maximum', () => {
    const html = renderToStaticMarkup(<TraceHeatmap grid={grid} />).replace(/<!-- -->/g, '')
    expect(textOf(html, 'trace-heat-north')).toBe('N ↑')
    expect(countOf(html, 'trace-heat-scale-objects')).toBe(1)
    expect(html).toContain('aria-label="colour scale 0 to 2"')
    expect(html).toMatch(/<span class="num">0<\/span><span class="heat-scale-bar"[^>]*><\/span><span class="num">2<\/span>/)
    expect(html).toContain(`linear-gradient(to right, ${heatColor(0, 0, 2)}, ${heatColor(2, 0, 2)})`)
    expect(html).toContain('north up')
  })

  it('starts a negative channel’s scale at its minimum', () => {
    const html = renderToStaticMarkup(<TraceHeatmap grid={{ ...grid, name: 'path_dx', min: -1, max: 1 }} />)
    expect(html).toContain('aria-label="colour scale -1 to 1"')
  })
})
