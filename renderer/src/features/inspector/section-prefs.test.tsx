import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { StorageLike } from '../../stores/notify-pref'
import { CollapsibleSection } from './collapsible-section'
import { COLLAPSED_SECTIONS_KEY, loadCollapsed, saveCollapsed } from './section-prefs'

function memory(initial: Record<string, string> = {}): StorageLike & { data: Record<string, string> } {
  const data = { ...initial }
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) }
}

describe('collapsed inspector sections', () => {
  it('remembers each section on its own', () => {
    const storage = memory()
    saveCollapsed(storage, 'reward', true)
    saveCollapsed(storage, 'events', true)
    saveCollapsed(storage, 'events', false)
    expect([...loadCollapsed(storage)]).toEqual(['reward'])
    expect(storage.data[COLLAPSED_SECTIONS_KEY]).toBe('["reward"]')
  })

  it('reads foreign or broken content as nothing collapsed, and survives a storage that throws', () => {
    expect(loadCollapsed(memory({ [COLLAPSED_SECTIONS_KEY]: '{"reward":true}' })).size).toBe(0)
    expect(loadCollapsed(memory({ [COLLAPSED_SECTIONS_KEY]: 'not json' })).size).toBe(0)
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      }
    }
    expect(loadCollapsed(throwing).size).toBe(0)
    expect(() => saveCollapsed(throwing, 'reward', true)).not.toThrow()
    expect(loadCollapsed(null).size).toBe(0)
  })

  it('renders a remembered section folded, without its body', () => {
    const storage = memory({ [COLLAPSED_SECTIONS_KEY]: '["reward"]' })
    const folded = renderToStaticMarkup(
      <CollapsibleSection id="reward" title="reward" storage={storage}>
        <p>body</p>
      </CollapsibleSection>
    )
    expect(folded).toContain('data-collapsed="true"')
    expect(folded).toContain('aria-expanded="false"')
    expect(folded).not.toContain('<p>body</p>')
    const open = renderToStaticMarkup(
      <CollapsibleSection id="events" title="recent events" storage={storage}>
        <p>body</p>
      </CollapsibleSection>
    )
    expect(open).toContain('aria-expanded="true"')
    expect(open).toContain('<p>body</p>')
  })
})
