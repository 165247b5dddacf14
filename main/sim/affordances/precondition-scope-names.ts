/**
 * The names a precondition may read. Checked when the registry compiles, so a typo such as
 * `stok.meals` is refused with a hint instead of silently reading null at run time.
 */
import { didYouMean } from '../../../shared/did-you-mean'

/** Root → its fields; `null` fields means any key (stock keys are declared per object type). */
export const SCOPE_NAMES: Record<string, readonly string[] | null> = {
  agent: ['wallet', 'hunger', 'hygiene', 'energy', 'job', 'employed', 'on_shift', 'at_home', 'meals_eaten', 'meals_cooked'],
  needs: ['hunger', 'hygiene', 'energy'],
  stock: null,
  object: ['id', 'type', 'queue_length', 'in_home'],
  economy: ['meal_cost', 'ingredients_cost', 'wage_income'],
  utilities: ['power', 'water'],
  world: ['tick', 'day', 'hour', 'minute'],
  queue_length: []
}

/** Why a name path is not readable, or undefined when it is. */
export function checkScopeName(path: readonly string[]): string | undefined {
  const [root, field, ...rest] = path
  if (root === undefined) return 'empty name'
  const fields = SCOPE_NAMES[root]
  if (fields === undefined) {
    const hint = didYouMean(root, Object.keys(SCOPE_NAMES))
    return `unknown name "${root}"${hint ? `: did you mean "${hint}"?` : `: names start with ${Object.keys(SCOPE_NAMES).join(', ')}`}`
  }
  if (fields === null) return field === undefined ? `"${root}" needs a key, e.g. ${root}.meals` : rest.length > 0 ? `"${path.join('.')}" goes too deep` : undefined
  if (fields.length === 0) return field === undefined ? undefined : `"${root}" has no fields`
  if (field === undefined) return `"${root}" needs a field: one of ${fields.join(', ')}`
  if (!fields.includes(field)) {
    const hint = didYouMean(field, fields)
    return `"${root}" has no field "${field}"${hint ? `: did you mean "${root}.${hint}"?` : `: its fields are ${fields.join(', ')}`}`
  }
  return rest.length > 0 ? `"${path.join('.')}" goes too deep` : undefined
}
