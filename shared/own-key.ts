/**
 * Own-property lookups for name → value tables indexed by a name from outside (a YAML key, a
 * command name, a CLI word, a precondition). A plain object literal answers `constructor`,
 * `toString` or `__proto__` from Object.prototype, so `table[name]` or `name in table` would
 * treat such a name as known; these helpers look at the table's own keys only.
 */

/**
 * Whether `name` is a property every plain object inherits (`__proto__`, `constructor`,
 * `hasOwnProperty`, `toString` …) or `prototype`. Such names are refused wherever a file or a
 * user names things, so they can never be mistaken for, or shadow, a built-in.
 */
export function isPrototypeName(name: string): boolean {
  return name === 'prototype' || name in Object.prototype
}

/** `table[key]` when `key` is one of the table's own keys, otherwise undefined. */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

/** Why a name cannot be an id or a key: shared wording for every place that refuses one. */
export function prototypeNameMessage(name: string): string {
  return `"${name}" is a name every JavaScript object has (like constructor, __proto__ or toString), so it cannot name anything here: pick another`
}

/**
 * A zod `.refine` pair for id schemas: `id.refine(...NOT_PROTOTYPE_NAME)`. Ids become keys of
 * name → value tables (jobs, stock, cooldowns), where such a name would read Object.prototype.
 */
export const NOT_PROTOTYPE_NAME = [(name: string): boolean => !isPrototypeName(name), { error: (issue: { input: unknown }): string => prototypeNameMessage(String(issue.input)) }] as const
