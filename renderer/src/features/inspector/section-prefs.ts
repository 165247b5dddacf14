/**
 * Which inspector sections the operator collapsed, remembered in localStorage so a section folded
 * away stays folded for every agent and after a reload. Stored as a JSON list of section ids and
 * validated on the way in; unreadable or foreign content reads as "nothing collapsed", and any
 * storage failure (a sandboxed page, tests under Node) just means the choice is not remembered.
 */
import { z } from 'zod'
import type { StorageLike } from '../../stores/notify-pref'

export const COLLAPSED_SECTIONS_KEY = 'townlet.inspector.collapsed'

const CollapsedSchema = z.array(z.string().max(64)).max(64)

/** The ids of the collapsed sections. */
export function loadCollapsed(storage: StorageLike | null): ReadonlySet<string> {
  try {
    const text = storage?.getItem(COLLAPSED_SECTIONS_KEY)
    if (!text) return new Set()
    const parsed = CollapsedSchema.safeParse(JSON.parse(text))
    return new Set(parsed.success ? parsed.data : [])
  } catch {
    return new Set()
  }
}

/** Remembers one section's state, keeping the others'. */
export function saveCollapsed(storage: StorageLike | null, id: string, collapsed: boolean): void {
  const next = new Set(loadCollapsed(storage))
  if (collapsed) next.add(id)
  else next.delete(id)
  try {
    storage?.setItem(COLLAPSED_SECTIONS_KEY, JSON.stringify([...next].sort()))
  } catch {
    // Not remembered; the section still folds for this page.
  }
}
