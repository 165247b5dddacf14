/**
 * The `?` overlay: every shortcut from the table, what it does and where, and which number opens
 * which panel. Modal; Close has the focus, so Esc, `?`, Enter or a click outside close it.
 */
import { SHORTCUTS } from './shortcut-table'

export function ShortcutsOverlay({ panels, onClose }: { panels: readonly { id: string; label: string }[]; onClose: () => void }) {
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        className="dialog shortcuts-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-overlay"
        onClick={(event) => event.stopPropagation()}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table className="data-table shortcuts-table">
          <thead>
            <tr>
              <th>key</th>
              <th>does</th>
              <th>works</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.id} data-testid="shortcut-row" data-shortcut={s.id}>
                <td>
                  <kbd className="kbd">{s.label}</kbd>
                </td>
                <td>{s.description}</td>
                <td className="dim">{s.where}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="dim shortcuts-panels" data-testid="shortcuts-panels">
          {panels.slice(0, 9).map((panel, i) => (
            <span key={panel.id}>
              <kbd className="kbd">{i + 1}</kbd> {panel.label}
            </span>
          ))}
        </p>
        <div className="dialog-actions">
          <button type="button" data-testid="shortcuts-close" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
