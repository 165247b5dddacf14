/** How the store names snapshot files, shared by saving, listing and pruning. */

/** A file name the store writes and lists: no folders, no dot files (temps), one of our extensions. */
export const SNAPSHOT_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,195}\.json(\.gz)?$/
export const AUTOSAVE_PREFIX = 'autosave-'
export const MANUAL_PREFIX = 'snapshot-'

/**
 * `snapshot-<tick>-<id>[-<label>]` (`autosave-…`), `<id>` the first 8 hex digits of the checksum,
 * `<label>` an operator's word for it (see `labelPart`).
 */
export function snapshotStem(tick: number, checksum: string, autosave: boolean, label?: string): string {
  const word = label === undefined ? '' : labelPart(label)
  return `${autosave ? AUTOSAVE_PREFIX : MANUAL_PREFIX}${tick}-${checksum.slice(0, 8)}${word === '' ? '' : `-${word}`}`
}

/** A label as a file name may carry it: letters, digits, `_` and `-` only (others become `-`), at most 40. */
export function labelPart(label: string): string {
  return label
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}

/** The tick an autosave's name carries, or -1. */
export function tickOfName(name: string): number {
  const m = /^[a-z]+-(\d{1,16})-/.exec(name)
  return m ? Number(m[1]) : -1
}
