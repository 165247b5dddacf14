/**
 * The names a precondition may read. Checked when the registry compiles, so a typo such as
 * `stok.meals` is refused with a hint instead of silently reading null at run time.
 */
import { didYouMean } from '../../../shared/did-you-mean'
import { isPrototypeName } from '../../../shared/own-key'

/**
 * Root → its fields; `null` fields means any key (stock keys are declared per object type). A Map,
 * so a root such as `constructor` or `__proto__` from the file is unknown rather than answered
 * from Object.prototype.
 */
export const SCOPE_NAMES: ReadonlyMap<string, readonly string[] | null> = new Map<string, readonly string[] | null>([
  ['agent', ['wallet', 'hunger', 'hygiene', 'energy', 'job', 'employed', 'on_shift', 'at_home', 'meals_eaten', 'meals_cooked']],
  ['needs', ['hunger', 'hygiene', 'energy']],
  ['stock', null],
  ['object', ['id', 'type', 'queue_length', 'in_home']],
  ['economy', ['meal_cost', 'ingredients_cost', 'wage_income']],
  ['utilities', ['power', 'water']],
  ['world', ['tick', 'day', 'hour', 'minute']],
  ['queue_length', []]
])

const ROOTS = [...SCOPE_NAMES.keys()]

/** Why a name path is not readable, or undefined when it is. */
export function checkScopeName(path: readonly string[]): string | undefined {
  const [root, field, ...rest] = path
  if (root === undefined) return 'empty name'
  const fields = SCOPE_NAMES.get(root)
  if (fields === undefined) {
    const hint = didYouMean(root, ROOTS)
    return `unknown name "${root}"${hint ? `: did you mean "${hint}"?` : `: names start with ${ROOTS.join(', ')}`}`
  }
  if (fields === null) {
    if (field === undefined) return `"${root}" needs a key, e.g. ${root}.meals`
    // Stock keys are free-form here, but never one every object inherits: `stock.__proto__` would read Object.prototype.
    if (isPrototypeName(field)) return `"${field}" cannot be a stock key: it is a name every JavaScript object has; name the stock as object_types.<type>.stock declares it`
    return rest.length > 0 ? `"${path.join('.')}" goes too deep` : undefined
  }
  if (fields.length === 0) return field === undefined ? undefined : `"${root}" has no fields`
  if (field === undefined) return `"${root}" needs a field: one of ${fields.join(', ')}`
  if (!fields.includes(field)) {
    const hint = didYouMean(field, fields)
    return `"${root}" has no field "${field}"${hint ? `: did you mean "${root}.${hint}"?` : `: its fields are ${fields.join(', ')}`}`
  }
  return rest.length > 0 ? `"${path.join('.')}" goes too deep` : undefined
}
