/** The `?` overlay lists every shortcut of the table, and which digit opens which panel. */
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { onMapFitRequest, requestMapFit } from './map-fit-request'
import { SHORTCUTS } from './shortcut-table'
import { ShortcutsOverlay } from './shortcuts-overlay'

const panels = [
  { id: 'overview', label: 'Overview' },
  { id: 'map', label: 'Map' },
  { id: 'agents', label: 'Agents' }
]

describe('ShortcutsOverlay', () => {
  const html = renderToStaticMarkup(<ShortcutsOverlay panels={panels} onClose={() => undefined} />).replace(/<!-- -->/g, '')

  it('is a modal dialog with one row per shortcut, in the table order', () => {
    expect(html).toContain('role="dialog"')
    expect(html).toContain('aria-modal="true"')
    const rows = [...html.matchAll(/data-shortcut="([^"]+)"/g)].map((m) => m[1])
    expect(rows).toEqual(SHORTCUTS.map((s) => s.id))
    for (const s of SHORTCUTS) {
      expect(html).toContain(`<kbd class="kbd">${s.label}</kbd>`)
      expect(html).toContain(s.description.replace(/'/g, '&#x27;'))
    }
  })

  it('numbers the panels as the digits open them', () => {
    expect(html).toContain('<kbd class="kbd">1</kbd> Overview')
    expect(html).toContain('<kbd class="kbd">3</kbd> Agents')
  })
})

describe('map fit requests', () => {
  it('reach the subscribed map until it unsubscribes', () => {
    let fits = 0
    expect(requestMapFit()).toBe(false)
    const off = onMapFitRequest(() => (fits += 1))
    expect(requestMapFit()).toBe(true)
    off()
    expect(requestMapFit()).toBe(false)
    expect(fits).toBe(1)
  })
})
