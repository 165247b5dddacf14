import type { PanelEntry } from './panels'

export function SideNav(props: { panels: readonly PanelEntry[]; active: string; onSelect: (id: string) => void }) {
  return (
    <nav className="side-nav" aria-label="Panels">
      {props.panels.map((panel) => (
        <button
          key={panel.id}
          type="button"
          className={`nav-item${panel.id === props.active ? ' active' : ''}`}
          data-testid={`nav-${panel.id}`}
          aria-current={panel.id === props.active ? 'page' : undefined}
          onClick={() => props.onSelect(panel.id)}
        >
          <span className="nav-glyph" aria-hidden="true">
            {panel.glyph}
          </span>
          {panel.label}
        </button>
      ))}
    </nav>
  )
}
