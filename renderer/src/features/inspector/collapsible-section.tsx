/**
 * An inspector section whose heading folds it away. The choice is per section (not per agent) and
 * survives reloads (section-prefs.ts): an operator who never reads the reward breakdown folds it
 * once. A folded section renders none of its body, so it costs nothing while the town runs.
 */
import { useState } from 'react'
import type { ReactNode } from 'react'
import { browserStorage } from '../../stores/notify-pref'
import type { StorageLike } from '../../stores/notify-pref'
import { loadCollapsed, saveCollapsed } from './section-prefs'

export interface CollapsibleSectionProps {
  /** Stable id, remembered in storage and used in test ids (`inspector-toggle-<id>`). */
  id: string
  title: string
  className?: string
  testId?: string
  /** data-status on the section, for sections that report a loading state. */
  status?: string
  children: ReactNode
  /** Injectable for tests; the page's localStorage by default. */
  storage?: StorageLike | null
}

export function CollapsibleSection(props: CollapsibleSectionProps) {
  const storage = props.storage === undefined ? browserStorage() : props.storage
  const [open, setOpen] = useState(() => !loadCollapsed(storage).has(props.id))
  const toggle = () => {
    saveCollapsed(storage, props.id, open)
    setOpen(!open)
  }
  return (
    <section
      className={`inspector-section collapsible${props.className ? ` ${props.className}` : ''}${open ? '' : ' collapsed'}`}
      aria-label={props.title}
      data-testid={props.testId}
      data-section={props.id}
      data-status={props.status}
      data-collapsed={open ? 'false' : 'true'}
    >
      <h3>
        <button type="button" className="section-toggle" data-testid={`inspector-toggle-${props.id}`} aria-expanded={open} onClick={toggle}>
          <span className="section-caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {props.title}
        </button>
      </h3>
      {open ? props.children : null}
    </section>
  )
}
